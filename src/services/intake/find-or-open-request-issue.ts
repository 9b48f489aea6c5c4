import type { AppIdentity } from "../../github/app-identity.js";
import { createIssue, findAppIssue } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { fileRequestMarker, REQUEST_LABEL } from "../state-in-github.js";
import { ensureRequestLabels } from "./ensure-request-labels.js";

/**
 * The issue that tracks a request file: found by its marker (every later push of the file
 * reports there), or opened once. It gives file requests the same status comment, labels
 * and `/devportal` commands as form requests.
 */
export async function findOrOpenRequestIssue(
  octokit: Octokit,
  params: RepoParams & { path: string; sha: string; app: AppIdentity; sender?: string },
): Promise<{ number: number; labels: string[] }> {
  const marker = fileRequestMarker(params.path);
  const found = await findAppIssue(octokit, { ...params, label: REQUEST_LABEL, marker });
  if (found) return found;
  const body = [
    marker,
    `Dev Portal tracks the request in \`${params.path}\` here: its status comment follows.`,
    // The mention subscribes the pusher: every report here reaches them.
    ...(params.sender ? ["", `Requested by @${params.sender} in ${params.sha.slice(0, 7)}.`] : []),
    "",
    "Change the request by pushing a new version of the file to the default branch.",
    "Comment `/devportal retry` to resume after a failure, `/devportal plan` to see the plan.",
  ].join("\n");
  // GitHub would make a missing label on the new issue, without its colour and description;
  // the issue carries it from birth, so its first report will not check the set again.
  await ensureRequestLabels(octokit, { owner: params.owner, repo: params.repo });
  return createIssue(octokit, {
    owner: params.owner,
    repo: params.repo,
    title: `Service request: ${params.path}`,
    body,
    labels: [REQUEST_LABEL],
  });
}

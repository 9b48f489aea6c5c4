import type { AppIdentity } from "../../github/app-identity.js";
import { createIssue, findAppIssue } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { fileRequestMarker, REQUEST_LABEL } from "../state-in-github.js";

/**
 * The issue that tracks a request file: found by its marker (every later push of the file
 * reports there), or opened once. It gives file requests the same status comment, labels
 * and `/devportal` commands as form requests.
 */
export async function findOrOpenRequestIssue(
  octokit: Octokit,
  params: RepoParams & { path: string; sha: string; app: AppIdentity },
): Promise<{ number: number; labels: string[] }> {
  const marker = fileRequestMarker(params.path);
  const found = await findAppIssue(octokit, { ...params, label: REQUEST_LABEL, marker });
  if (found) return found;
  const body = [
    marker,
    `Dev Portal tracks the request in \`${params.path}\` here: its status comment follows.`,
    "",
    "Change the request by pushing a new version of the file to the default branch.",
    "Comment `/devportal retry` to resume after a failure, `/devportal plan` to see the plan.",
  ].join("\n");
  return createIssue(octokit, {
    owner: params.owner,
    repo: params.repo,
    title: `Service request: ${params.path}`,
    body,
    labels: [REQUEST_LABEL],
  });
}

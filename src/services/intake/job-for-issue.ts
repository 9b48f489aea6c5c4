import type { Logger } from "probot";
import { findBotComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import type { PortalDeps } from "../portal-deps.js";
import {
  decodeStatusMarker,
  fileRequestPathOf,
  REQUEST_LABEL,
  STATUS_MARKER,
} from "../state-in-github.js";
import { fileRequestJob } from "./file-request-job.js";
import { formRequestJob } from "./form-request-job.js";
import type { RequestJob } from "./request-job.js";

/**
 * Rebuild the request behind an issue, for a command: the issue the app opened for a file
 * (read at the commit its status comment last recorded), or a form issue. Undefined for
 * any other issue.
 */
export async function jobForIssue(
  deps: PortalDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    issue: { number: number; body: string | null; labels: string[]; authorIsBot: boolean };
    sender: string;
    defaultBranch: string;
  },
): Promise<RequestJob | undefined> {
  const { issue } = params;
  if (!issue.labels.includes(REQUEST_LABEL)) return undefined;
  const path = issue.authorIsBot ? fileRequestPathOf(issue.body) : undefined;
  if (!path) return formRequestJob(deps, params);
  const status = await findBotComment(params.octokit, {
    ...params.repo,
    issue: issue.number,
    marker: STATUS_MARKER,
  });
  const sha = (status && decodeStatusMarker(status.body)?.origin.sha) ?? params.defaultBranch;
  return fileRequestJob({ ...params, issue, path, sha });
}

import type { Logger } from "probot";
import { type AppIdentity, type Authored, isAppAuthor } from "../../github/app-identity.js";
import { findAppComment } from "../../github/issues.js";
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
 * (read at the commit its status comment last recorded), or a form issue. The job's sender
 * is the request's requester (the form's author, the file's pusher), never the commenter:
 * running a command must not make the commenter the one who asks. Undefined for any other
 * issue. Only an issue this app opened is taken for a file request: a person's form body
 * carrying the file marker is a form.
 */
export async function jobForIssue(
  deps: PortalDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    app: AppIdentity;
    issue: { number: number; body: string | null; labels: string[]; author: Authored };
    /** Who commented: the requester only when no status recorded one (an authorized writer
     * or platform member re-running a file request the app never answered). */
    commenter: string;
    defaultBranch: string;
  },
): Promise<RequestJob | undefined> {
  const { issue } = params;
  if (!issue.labels.includes(REQUEST_LABEL)) return undefined;
  const path = isAppAuthor(params.app, issue.author) ? fileRequestPathOf(issue.body) : undefined;
  if (!path) {
    return formRequestJob(deps, {
      ...params,
      sender: issue.author.user?.login ?? params.commenter,
    });
  }
  const status = await findAppComment(params.octokit, {
    ...params.repo,
    issue: issue.number,
    marker: STATUS_MARKER,
    app: params.app,
  });
  const origin = status ? decodeStatusMarker(status.body)?.origin : undefined;
  const sha = origin?.sha ?? params.defaultBranch;
  const sender = origin?.requester ?? params.commenter;
  return fileRequestJob({ ...params, issue, path, sha, sender });
}

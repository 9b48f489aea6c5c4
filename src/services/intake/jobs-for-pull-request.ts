import type { Logger } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { decodeStatusMarker, STATUS_MARKER } from "../state-in-github.js";
import { fileRequestJob } from "./file-request-job.js";
import type { RequestJob } from "./request-job.js";

/**
 * The requests a merged pull request is home to: one per status comment the app wrote there
 * (its marker names the file, the merge commit and who merged), rebuilt as file requests read
 * at that commit. The sender is the one who merged (authorized then), never the commenter.
 * An open pull request has none: its plan comment is its answer.
 */
export async function jobsForPullRequest(params: {
  octokit: Octokit;
  log: Logger;
  repo: RepoParams;
  app: AppIdentity;
  number: number;
  comments: readonly { body: string }[];
}): Promise<RequestJob[]> {
  const jobs: RequestJob[] = [];
  for (const comment of params.comments) {
    if (!comment.body.includes(STATUS_MARKER)) continue;
    const origin = decodeStatusMarker(comment.body)?.origin;
    if (origin?.kind !== "pull_request" || origin.issue !== params.number) continue;
    if (!origin.path || !origin.sha || !origin.requester) continue;
    jobs.push(
      fileRequestJob({
        ...params,
        issue: { number: params.number, labels: [] },
        path: origin.path,
        sha: origin.sha,
        sender: origin.requester,
        ...(origin.author ? { pullRequest: { author: origin.author } } : {}),
      }),
    );
  }
  return jobs;
}

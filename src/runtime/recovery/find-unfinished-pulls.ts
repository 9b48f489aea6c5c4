import type { Logger } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import { listAppComments } from "../../github/issues.js";
import type { Octokit } from "../../github/octokit.js";
import { listRecentlyMergedPullRequests } from "../../github/pulls.js";
import { isWaiting } from "../../services/deploy/check-overdue.js";
import { decodeStatusMarker, STATUS_MARKER } from "../../services/state-in-github.js";
import { outcomeOf } from "../../services/status/status-report.js";
import { fileRequestKey, serviceKey } from "../job-keys.js";
import type { RecoverPayload } from "./find-unfinished.js";

/** How far back the sweep looks for merged pull requests: work a crash left on an older one
 * is for `/devportal retry` (a week of sweeps has passed it by). */
export const MERGED_WINDOW_MS = 7 * 24 * 60 * 60_000;

/**
 * Unfinished requests whose home is a merged pull request (closed, no label, so the issue
 * sweep never sees them): in one request repository, the pull requests merged and updated
 * within the window, each status comment the app wrote there (only its own are believed)
 * whose request is still provisioning (resumed like `/devportal retry`), or whose GitOps
 * commit still waits for Argo CD's first report (the overdue check). Reads only: one list
 * call, then one comment listing per recent merged pull request.
 */
export async function findUnfinishedPullRequests(params: {
  octokit: Octokit;
  log: Logger;
  installation: { id: number };
  repository: { owner: string; repo: string; defaultBranch: string };
  identity: AppIdentity;
  since: Date;
}): Promise<RecoverPayload[]> {
  const { octokit, repository } = params;
  const found: RecoverPayload[] = [];
  const pulls = await listRecentlyMergedPullRequests(octokit, {
    ...repository,
    since: params.since,
  });
  for (const pull of pulls) {
    const statuses = await listAppComments(octokit, {
      ...repository,
      issue: pull.number,
      marker: STATUS_MARKER,
      app: params.identity,
    });
    for (const status of statuses) {
      const report = decodeStatusMarker(status.body);
      const origin = report?.origin;
      // The same checks `/devportal retry` on the pull request makes (jobsForPullRequest).
      if (!report || origin?.kind !== "pull_request" || origin.issue !== pull.number) continue;
      if (!origin.path || !origin.sha || !origin.requester) continue;
      const common = {
        installation: params.installation,
        ...repository,
        issue: {
          number: pull.number,
          body: null,
          labels: [],
          author: pull.author,
          closedBefore: false,
        },
        requester: origin.requester,
        pullRequest: { path: origin.path },
      };
      if (outcomeOf(report) !== "provisioning") continue;
      if (report.steps.deployed.state === "done") {
        if (report.repository && isWaiting(report)) {
          found.push({
            ...common,
            key: serviceKey(report.repository.fullName),
            awaiting: "argocd",
          });
        }
        continue;
      }
      found.push({
        ...common,
        key: fileRequestKey(repository.owner, repository.repo, origin.path),
      });
    }
  }
  if (found.length > 0) {
    params.log.info(
      { repo: repository.repo, unfinished: found.length },
      "unfinished requests on merged pull requests",
    );
  }
  return found;
}

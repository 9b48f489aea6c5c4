import type { Context } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import { listAppComments } from "../../github/issues.js";
import { retryBuild } from "../../services/deploy/retry.js";
import { jobForIssue } from "../../services/intake/job-for-issue.js";
import { jobsForPullRequest } from "../../services/intake/jobs-for-pull-request.js";
import type { RequestJob } from "../../services/intake/request-job.js";
import { pointCommitToStatus } from "../../services/intake/run-push.js";
import { runRequest } from "../../services/intake/run-request.js";
import type { ResolvedDeps } from "../../services/portal-deps.js";
import { STATUS_MARKER } from "../../services/state-in-github.js";
import { outcomeOf } from "../../services/status/status-report.js";
import type { JobType } from "../job-type.js";
import type { RecoverPayload } from "./find-unfinished.js";

/** The job name of work found by the recovery sweep (not a webhook event). */
export const RECOVER_JOB = "devportal.recover";

/**
 * Finish a request found unfinished: run it again like `/devportal retry` on its issue, or on
 * the merged pull request that is its home (every step finds what is done and skips it, and a
 * repository that no longer takes requests is left alone),
 * then deploy its newest finished build if that is what is missing. A request that turns out
 * finished costs reads only.
 */
export function resumeRequest(deps: ResolvedDeps): JobType {
  return {
    events: [],
    accept: () => [],
    work: async (context: Context, run) => {
      const payload = context.payload as unknown as RecoverPayload;
      const repo = { owner: payload.owner, repo: payload.repo };
      const app = await deps.app();
      const job = payload.pullRequest
        ? await jobForPullRequestFile(context, { payload, app })
        : await jobForIssue(deps, {
            octokit: context.octokit,
            log: context.log,
            repo,
            app,
            issue: {
              number: payload.issue.number,
              body: payload.issue.body,
              labels: payload.issue.labels,
              author: payload.issue.author,
            },
            commenter: payload.requester,
            defaultBranch: payload.defaultBranch,
          });
      if (!job) return undefined;
      context.log.info(
        { repo: repo.repo, issue: payload.issue.number },
        "resuming an unfinished request",
      );
      const report = await runRequest(deps, { ...job, attempt: run.attempt });
      if (!report) return undefined;
      // A merge's commit points to each request file's status once its run ends: a run the
      // crash cut short never got that far.
      if (payload.pullRequest && job.origin.sha && job.origin.path) {
        await pointCommitToStatus(context.octokit, {
          ...repo,
          app,
          sha: job.origin.sha,
          path: job.origin.path,
          issue: payload.issue.number,
          report,
        });
      }
      // A lost workflow_run: its newest finished build is handled now (never re-run). A
      // deployed request whose report stopped half-way (no label, not closed) is reported
      // again the same way: its build is already deployed, only the report's writes remain.
      if (outcomeOf(report) !== "failed") {
        await retryBuild(
          context.octokit,
          { report, trust: { env: deps.env, app } },
          { rerunFailed: false },
        );
      }
      return { pipeline: "provisioning", outcome: outcomeOf(report) };
    },
  };
}

/** The request of one file merged by a pull request, rebuilt from its status comment there
 * exactly as `/devportal retry` on that pull request does (who merged is its sender). */
async function jobForPullRequestFile(
  context: Context,
  input: { payload: RecoverPayload; app: AppIdentity },
): Promise<RequestJob | undefined> {
  const { payload, app } = input;
  const repo = { owner: payload.owner, repo: payload.repo };
  const comments = await listAppComments(context.octokit, {
    ...repo,
    issue: payload.issue.number,
    marker: STATUS_MARKER,
    app,
  });
  const jobs = await jobsForPullRequest({
    octokit: context.octokit,
    log: context.log,
    repo,
    app,
    number: payload.issue.number,
    comments,
  });
  return jobs.find((job) => job.origin.path === payload.pullRequest?.path);
}

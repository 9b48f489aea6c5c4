import type { Context } from "probot";
import { retryBuild } from "../../services/deploy/retry.js";
import { jobForIssue } from "../../services/intake/job-for-issue.js";
import { runRequest } from "../../services/intake/run-request.js";
import type { ResolvedDeps } from "../../services/portal-deps.js";
import { outcomeOf } from "../../services/status/status-report.js";
import type { JobType } from "../job-type.js";
import type { RecoverPayload } from "./find-unfinished.js";

/** The job name of work found by the recovery sweep (not a webhook event). */
export const RECOVER_JOB = "devportal.recover";

/**
 * Finish a request found unfinished: run it again like `/devportal retry` (every step finds
 * what is done and skips it, and a repository that no longer takes requests is left alone),
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
      const job = await jobForIssue(deps, {
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

import type { Context } from "probot";
import { retryBuild } from "../../services/deploy/retry.js";
import { jobForIssue } from "../../services/intake/job-for-issue.js";
import { runRequest } from "../../services/intake/run-request.js";
import type { PortalDeps } from "../../services/portal-deps.js";
import { outcomeOf } from "../../services/status/status-report.js";
import type { JobType } from "../job-type.js";
import type { RecoverPayload } from "./find-unfinished.js";

/** The job name of work found by the recovery sweep (not a webhook event). */
export const RECOVER_JOB = "devportal.recover";

/**
 * Finish a request found unfinished: run it again like `/devportal retry` (every step finds
 * what is done and skips it), then deploy its newest finished build if that is what is
 * missing. A request that turns out finished costs reads only.
 */
export function resumeRequest(deps: PortalDeps): JobType {
  return {
    events: [],
    accept: () => [],
    work: async (context: Context, run) => {
      const payload = context.payload as unknown as RecoverPayload;
      const repo = { owner: payload.owner, repo: payload.repo };
      const job = await jobForIssue(deps, {
        octokit: context.octokit,
        log: context.log,
        repo,
        issue: {
          number: payload.issue.number,
          body: payload.issue.body,
          labels: payload.issue.labels,
          authorIsBot: payload.issue.author.isBot,
        },
        sender: payload.requester,
        defaultBranch: payload.defaultBranch,
      });
      if (!job) return undefined;
      context.log.info(
        { repo: repo.repo, issue: payload.issue.number },
        "resuming an unfinished request",
      );
      const report = await runRequest(deps, { ...job, attempt: run.attempt });
      // A lost workflow_run: its newest finished build is handled now (never re-run).
      if (report.steps.deployed.state !== "done") {
        await retryBuild(context.octokit, report, { rerunFailed: false });
      }
      return { pipeline: "provisioning", outcome: outcomeOf(report) };
    },
  };
}

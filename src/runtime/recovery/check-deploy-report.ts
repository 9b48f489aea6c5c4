import type { Context } from "probot";
import { checkOverdueDeployReports } from "../../services/deploy/check-overdue.js";
import type { ResolvedDeps } from "../../services/portal-deps.js";
import { pullRequestStatusMarker } from "../../services/state-in-github.js";
import type { JobType } from "../job-type.js";
import type { RecoverPayload } from "./find-unfinished.js";

/** The job name of the overdue check the recovery sweep queues (not a webhook event). */
export const OVERDUE_JOB = "devportal.deploy-overdue";

/**
 * A deployed request still waiting for Argo CD, found by the sweep: said to be late once
 * its wait passes `deploy_reports.wait_minutes`, judged at the sweep's time.
 */
export function checkDeployReport(deps: ResolvedDeps): JobType {
  return {
    events: [],
    accept: () => [],
    work: async (context: Context) => {
      const payload = context.payload as unknown as RecoverPayload & { sweptAt?: string };
      const said = await checkOverdueDeployReports(context.octokit, {
        owner: payload.owner,
        repo: payload.repo,
        issue: payload.issue.number,
        // On a merged pull request, each request file has its own status comment.
        ...(payload.pullRequest
          ? { marker: pullRequestStatusMarker(payload.pullRequest.path) }
          : {}),
        app: await deps.app(),
        env: deps.env,
        ...(payload.sweptAt ? { now: new Date(payload.sweptAt) } : {}),
      });
      if (said) {
        context.log.info(
          { repo: payload.repo, issue: payload.issue.number },
          "no report from Argo CD in time: said",
        );
      }
      return { pipeline: "deployment", outcome: said ? "overdue" : "waiting" };
    },
  };
}

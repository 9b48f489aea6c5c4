import type { Octokit } from "../../github/octokit.js";
import type { StatusReport } from "../status/status-report.js";
import { reportOutcome } from "./report-outcome.js";
import { retryDeployment } from "./retry-deployment.js";
import { splitRepository } from "./split-repository.js";

/**
 * The deploy half of `/devportal retry`, after provisioning has been resumed: once the code
 * is pushed, re-run a failed build or finish a blocked deployment, and report it in the same
 * status comment. Before that there is no build to retry.
 */
export async function retryBuild(octokit: Octokit, report: StatusReport): Promise<void> {
  if (report.steps.code.state !== "done" || !report.plan) return;
  const result = await retryDeployment(octokit, splitRepository(report.plan.repository.fullName));
  if (result?.record)
    await reportOutcome(octokit, { record: result.record, outcome: result.outcome });
}

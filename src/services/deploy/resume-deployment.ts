import { findLatestRun } from "../../github/find-latest-run.js";
import { getRepository } from "../../github/get-repository.js";
import type { Octokit } from "../../github/octokit.js";
import type { StatusReport } from "../status/status-report.js";
import { processWorkflowRun } from "./process-workflow-run.js";
import { reportOutcome } from "./report-outcome.js";
import { WORKFLOW_PATH } from "./screen-workflow-run.js";
import { splitRepository } from "./split-repository.js";

const WORKFLOW_FILE = WORKFLOW_PATH.slice(WORKFLOW_PATH.lastIndexOf("/") + 1);

/**
 * The deploy half of a request found unfinished (its `workflow_run` delivery lost in a
 * crash): the newest finished build of the default branch is handled as if its webhook had
 * just arrived — a green one deploys (or finds itself deployed), a failed one is reported.
 * Unlike `/devportal retry` it never re-runs a build: nobody asked for that.
 */
export async function resumeDeployment(octokit: Octokit, report: StatusReport): Promise<void> {
  if (report.steps.code.state !== "done" || !report.plan) return;
  if (report.steps.deployed.state === "done") return;
  const params = splitRepository(report.plan.repository.fullName);
  const repository = await getRepository(octokit, params);
  if (!repository) return;
  const branch = repository.defaultBranch;
  const run = await findLatestRun(octokit, { ...params, workflow: WORKFLOW_FILE, branch });
  if (run?.status !== "completed") return;
  const [owner = params.owner, name = params.repo] = repository.fullName.split("/");
  const result = await processWorkflowRun(octokit, {
    action: "completed",
    repository: { owner, name, fullName: repository.fullName, defaultBranch: branch },
    run,
  });
  if (result.record)
    await reportOutcome(octokit, { record: result.record, outcome: result.outcome });
}

import { findLatestRun } from "../../github/find-latest-run.js";
import { getRepository } from "../../github/get-repository.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { rerunFailedJobs } from "../../github/rerun-failed-jobs.js";
import { processWorkflowRun, type WorkflowRunResult } from "./process-workflow-run.js";
import { readServiceRecord } from "./read-service-record.js";
import { FAILED_CONCLUSIONS, WORKFLOW_PATH } from "./screen-workflow-run.js";

/** The workflow's file name: the runs API takes it in place of the numeric workflow id. */
const WORKFLOW_FILE = WORKFLOW_PATH.slice(WORKFLOW_PATH.lastIndexOf("/") + 1);

/**
 * `/devportal retry` once the code is pushed: the newest build of the default branch decides.
 * Failed: re-run its failed jobs (a new attempt of the same run and commit, whose
 * `workflow_run` webhooks carry on from there), reported as CI running. Green: handle it as
 * if its webhook had just arrived, which finishes a deployment that was blocked (Repository_B
 * missing, no access) and does nothing when the deployment already happened. Undefined when
 * there is no build to act on yet.
 */
export async function retryDeployment(
  octokit: Octokit,
  params: RepoParams,
): Promise<WorkflowRunResult | undefined> {
  const repository = await getRepository(octokit, params);
  if (!repository) return undefined;
  const branch = repository.defaultBranch;
  const run = await findLatestRun(octokit, { ...params, workflow: WORKFLOW_FILE, branch });
  if (run?.status !== "completed") return undefined;
  if (run.conclusion !== null && FAILED_CONCLUSIONS.includes(run.conclusion)) {
    const record = await readServiceRecord(octokit, { ...params, ref: run.headSha });
    if (!record) return undefined;
    await rerunFailedJobs(octokit, { ...params, runId: run.id });
    return { outcome: { kind: "ci-running", run }, record };
  }
  const [owner = params.owner, name = params.repo] = repository.fullName.split("/");
  return processWorkflowRun(octokit, {
    action: "completed",
    repository: { owner, name, fullName: repository.fullName, defaultBranch: branch },
    run,
  });
}

import { findLatestRun } from "../../github/find-latest-run.js";
import { getRepository } from "../../github/get-repository.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { rerunFailedJobs } from "../../github/rerun-failed-jobs.js";
import { processWorkflowRun, type WorkflowRunResult } from "./process-workflow-run.js";
import { FAILED_CONCLUSIONS, WORKFLOW_PATH } from "./screen-workflow-run.js";

export type RetryResult =
  | { kind: "no-run"; reason: string }
  | { kind: "running"; runUrl: string }
  | { kind: "rerun"; runId: number; runUrl: string }
  | ({ kind: "processed" } & WorkflowRunResult);

/**
 * `/devportal retry` once the code is pushed: the newest build of the default branch decides.
 * Failed: re-run its failed jobs (a new attempt of the same run, so its `workflow_run`
 * webhooks carry on from there). Green: run the deployment again as if its webhook had just
 * arrived, which finishes a deployment that was blocked (Repository_B missing, no access)
 * and does nothing when it already happened.
 */
export async function retryDeployment(octokit: Octokit, params: RepoParams): Promise<RetryResult> {
  const repository = await getRepository(octokit, params);
  if (!repository)
    return { kind: "no-run", reason: `${params.owner}/${params.repo} is not visible` };
  const branch = repository.defaultBranch;
  const run = await findLatestRun(octokit, {
    ...params,
    workflow: WORKFLOW_PATH.slice(WORKFLOW_PATH.lastIndexOf("/") + 1),
    branch,
  });
  if (!run) return { kind: "no-run", reason: `no build of ${branch} yet` };
  if (run.status !== "completed") return { kind: "running", runUrl: run.htmlUrl };
  if (run.conclusion !== null && FAILED_CONCLUSIONS.includes(run.conclusion)) {
    await rerunFailedJobs(octokit, { ...params, runId: run.id });
    return { kind: "rerun", runId: run.id, runUrl: run.htmlUrl };
  }
  const [owner, name] = repository.fullName.split("/") as [string, string];
  const result = await processWorkflowRun(octokit, {
    action: "completed",
    repository: { owner, name, fullName: repository.fullName, defaultBranch: branch },
    run,
  });
  return { kind: "processed", ...result };
}

import type { Octokit, RepoParams } from "./octokit.js";
import { type WorkflowRunInfo, workflowRunInfo } from "./workflow-run-info.js";

/**
 * The newest push-triggered run of a workflow file on a branch, or undefined when it never
 * ran. GitHub lists runs newest first, so one item is enough. `workflow` may be the file
 * name (`ci-cd.yml`).
 */
export async function findLatestRun(
  octokit: Octokit,
  params: RepoParams & { workflow: string; branch: string },
): Promise<WorkflowRunInfo | undefined> {
  const { data } = await octokit.rest.actions.listWorkflowRuns({
    owner: params.owner,
    repo: params.repo,
    workflow_id: params.workflow,
    branch: params.branch,
    event: "push",
    per_page: 1,
  });
  const run = data.workflow_runs[0];
  return run ? workflowRunInfo(run) : undefined;
}

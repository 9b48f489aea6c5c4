import type { Octokit, RepoParams } from "./octokit.js";

export interface WorkflowRunInfo {
  id: number;
  attempt: number;
  number: number;
  htmlUrl: string;
  path: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  headRepository: string | null;
  status: string | null;
  conclusion: string | null;
  pullRequests: number;
}

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
  if (!run) return undefined;
  return {
    id: run.id,
    attempt: run.run_attempt ?? 1,
    number: run.run_number,
    htmlUrl: run.html_url,
    path: run.path,
    event: run.event,
    headBranch: run.head_branch,
    headSha: run.head_sha,
    headRepository: run.head_repository?.full_name ?? null,
    status: run.status,
    conclusion: run.conclusion,
    pullRequests: run.pull_requests?.length ?? 0,
  };
}

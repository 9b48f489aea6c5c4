/** A workflow run as the app reasons about it, from a webhook payload or the REST API
 * (both carry GitHub's same run object). */
export interface WorkflowRunInfo {
  id: number;
  attempt: number;
  number: number;
  htmlUrl: string;
  /** The workflow file, e.g. `.github/workflows/ci-cd.yml`. Runs of a workflow called from
   * another repository read `path@ref`; ours never do. */
  path: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  /** `owner/name` the commit came from: differs from the repository for fork pull requests. */
  headRepository: string | null;
  status: string | null;
  conclusion: string | null;
  pullRequests: number;
}

/** The fields of GitHub's run object that the app reads. */
export interface GitHubWorkflowRun {
  id: number;
  run_attempt?: number;
  run_number: number;
  html_url: string;
  path: string;
  event: string;
  head_branch: string | null;
  head_sha: string;
  head_repository?: { full_name: string } | null;
  status: string | null;
  conclusion: string | null;
  pull_requests?: unknown[] | null;
}

export function workflowRunInfo(run: GitHubWorkflowRun): WorkflowRunInfo {
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

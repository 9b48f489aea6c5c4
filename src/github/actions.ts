/** GitHub Actions workflow runs and their jobs. */

import type { Octokit, RepoParams } from "./octokit.js";

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

export interface RunStep {
  name: string;
  number: number;
  conclusion: string | null;
}

export interface RunJob {
  name: string;
  conclusion: string | null;
  htmlUrl: string | null;
  steps: RunStep[];
}

/**
 * The jobs of a workflow run's latest attempt (`filter: latest`): after a re-run the earlier
 * attempt's failures are history and must not be reported again.
 */
export async function listRunJobs(
  octokit: Octokit,
  params: RepoParams & { runId: number },
): Promise<RunJob[]> {
  const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
    owner: params.owner,
    repo: params.repo,
    run_id: params.runId,
    filter: "latest",
    per_page: 100,
  });
  return jobs.map((job) => ({
    name: job.name,
    conclusion: job.conclusion,
    htmlUrl: job.html_url,
    steps: (job.steps ?? []).map((step) => ({
      name: step.name,
      number: step.number,
      conclusion: step.conclusion,
    })),
  }));
}

/**
 * Re-run only the failed (and dependent) jobs of a run, as a new attempt of the same run:
 * same head SHA, so a green attempt deploys exactly what the first attempt built.
 */
export async function rerunFailedJobs(
  octokit: Octokit,
  params: RepoParams & { runId: number },
): Promise<void> {
  await octokit.rest.actions.reRunWorkflowFailedJobs({
    owner: params.owner,
    repo: params.repo,
    run_id: params.runId,
  });
}

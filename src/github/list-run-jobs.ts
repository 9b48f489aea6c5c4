import type { Octokit, RepoParams } from "./octokit.js";

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

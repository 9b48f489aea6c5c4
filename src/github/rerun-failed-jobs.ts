import type { Octokit, RepoParams } from "./octokit.js";

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

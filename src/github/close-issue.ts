import type { Octokit, RepoParams } from "./octokit.js";

/** Close an issue as done ("completed", not "not planned": the request was fulfilled). */
export async function closeIssue(
  octokit: Octokit,
  params: RepoParams & { issue: number },
): Promise<void> {
  await octokit.rest.issues.update({
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issue,
    state: "closed",
    state_reason: "completed",
  });
}

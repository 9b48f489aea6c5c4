import type { Octokit, RepoParams } from "./octokit.js";

/** Paths a pull request adds or changes (removed files are not requests). */
export async function listPullRequestFiles(
  octokit: Octokit,
  params: RepoParams & { pull: number },
): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pull,
    per_page: 100,
  });
  return files.filter((file) => file.status !== "removed").map((file) => file.filename);
}

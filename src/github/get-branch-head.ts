import { type Octokit, type RepoParams, statusOf } from "./octokit.js";

/**
 * The commit SHA a branch points at, or undefined when the repository has no commits yet
 * (GitHub answers 409 "Git Repository is empty") or the branch does not exist (404).
 */
export async function getBranchHead(
  octokit: Octokit,
  params: RepoParams & { branch: string },
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({
      owner: params.owner,
      repo: params.repo,
      ref: `heads/${params.branch}`,
    });
    return data.object.sha;
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 404) return undefined;
    throw error;
  }
}

import type { Octokit, RepoParams } from "./octokit.js";

/**
 * Give a repository without commits its first one. The Git Data API refuses empty
 * repositories (409), and a user who creates the repository for a personal account may not
 * tick "Add a README"; the Contents API works on empty repositories. The README is replaced
 * by the generated one in the next commit.
 */
export async function initEmptyRepository(
  octokit: Octokit,
  params: RepoParams & { branch: string; message: string },
): Promise<void> {
  await octokit.rest.repos.createOrUpdateFileContents({
    owner: params.owner,
    repo: params.repo,
    branch: params.branch,
    path: "README.md",
    message: params.message,
    content: Buffer.from(`# ${params.repo}\n`).toString("base64"),
  });
}

import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

/** How `head` relates to `base`, as GitHub's compare API says it. */
export type CommitRelation = "ahead" | "behind" | "identical" | "diverged";

/**
 * Where `head` stands relative to `base` in the repository's history, or undefined when
 * GitHub knows no such commit (404). `per_page: 1` because only the status matters: the
 * commit list and the files of a large comparison would be downloaded for nothing.
 */
export async function compareCommits(
  octokit: Octokit,
  params: RepoParams & { base: string; head: string },
): Promise<CommitRelation | undefined> {
  const response = await orNotFound(() =>
    octokit.rest.repos.compareCommitsWithBasehead({
      owner: params.owner,
      repo: params.repo,
      basehead: `${params.base}...${params.head}`,
      per_page: 1,
    }),
  );
  return response?.data.status;
}

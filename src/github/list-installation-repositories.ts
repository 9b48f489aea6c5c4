import type { Octokit } from "./octokit.js";

/** The repositories an installation may read that have open issues (the only ones that can
 * hold an unfinished request), archived ones left out. */
export async function listRepositoriesWithOpenIssues(
  octokit: Octokit,
): Promise<{ owner: string; repo: string; defaultBranch: string }[]> {
  const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repositories
    .filter((repository) => !repository.archived && repository.open_issues_count > 0)
    .map((repository) => ({
      owner: repository.owner.login,
      repo: repository.name,
      defaultBranch: repository.default_branch,
    }));
}

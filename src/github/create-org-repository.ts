import type { RepositoryInfo } from "./get-repository.js";
import type { Octokit } from "./octokit.js";

/**
 * Create a repository in an organisation with the installation token. `auto_init` gives it a
 * first commit, because the Git Data API refuses empty repositories (409) and the portal
 * writes every file in one tree + commit on top of it.
 */
export async function createOrgRepository(
  octokit: Octokit,
  params: {
    org: string;
    name: string;
    description: string;
    visibility: "private" | "internal" | "public";
  },
): Promise<RepositoryInfo> {
  const { data } = await octokit.rest.repos.createInOrg({
    org: params.org,
    name: params.name,
    description: params.description,
    // "internal" exists only in enterprise organisations, which api.github.com's description
    // (and so Octokit's types) leave out; GitHub refuses it elsewhere with a clear 422.
    visibility: params.visibility as "private" | "public",
    auto_init: true,
    has_wiki: false,
  });
  return { fullName: data.full_name, htmlUrl: data.html_url, defaultBranch: data.default_branch };
}

import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

export interface RepositoryInfo {
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
}

/** The repository, or undefined when it does not exist (or the installation cannot see it). */
export async function getRepository(
  octokit: Octokit,
  params: RepoParams,
): Promise<RepositoryInfo | undefined> {
  const response = await orNotFound(() => octokit.rest.repos.get(params));
  if (!response) return undefined;
  const { full_name, html_url, default_branch } = response.data;
  return { fullName: full_name, htmlUrl: html_url, defaultBranch: default_branch };
}

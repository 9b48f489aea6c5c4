/** GitHub Deployments of a service repository: what Argo CD reports back on. */

import type { Octokit, RepoParams } from "./octokit.js";

export interface DeploymentInfo {
  id: number;
  sha: string;
  createdAt: string;
}

/** The newest deployment of `environment` (of commit `sha`, when given). */
export async function findDeployment(
  octokit: Octokit,
  params: RepoParams & { environment: string; sha?: string },
): Promise<DeploymentInfo | undefined> {
  const { data } = await octokit.rest.repos.listDeployments({
    owner: params.owner,
    repo: params.repo,
    environment: params.environment,
    ...(params.sha ? { sha: params.sha } : {}),
    per_page: 1,
  });
  const found = data[0];
  return found ? { id: found.id, sha: found.sha, createdAt: found.created_at } : undefined;
}

/**
 * A deployment of commit `sha` to `environment`. `auto_merge: false`: the commit is already
 * built and must not be merged with the default branch; `required_contexts: []`: the build
 * that made the image is the only check, and it passed.
 */
export async function createDeployment(
  octokit: Octokit,
  params: RepoParams & { sha: string; environment: string; description: string },
): Promise<DeploymentInfo> {
  const response = await octokit.rest.repos.createDeployment({
    owner: params.owner,
    repo: params.repo,
    ref: params.sha,
    environment: params.environment,
    description: params.description.slice(0, 140),
    auto_merge: false,
    required_contexts: [],
    production_environment: params.environment === "production",
    transient_environment: false,
  });
  const { data } = response;
  if (!("id" in data)) throw new Error(`deployment of ${params.sha} not created: ${data.message}`);
  return { id: data.id, sha: data.sha, createdAt: data.created_at };
}

/** Access to a repository: a person as a collaborator, a team as a whole. */

import type { Octokit, RepoParams } from "./octokit.js";

export type RepositoryPermission = "pull" | "triage" | "push" | "maintain" | "admin";

/**
 * Give `username` the role `permission` on the repository. GitHub adds an organisation
 * member at once (204) and invites anyone else (201): `invited` tells which.
 */
export async function addCollaborator(
  octokit: Octokit,
  params: RepoParams & { username: string; permission: RepositoryPermission },
): Promise<{ invited: boolean }> {
  const response = await octokit.rest.repos.addCollaborator(params);
  return { invited: response.status === 201 };
}

/** Give the organisation's team `team` the role `permission` on the repository. */
export async function addTeamRepository(
  octokit: Octokit,
  params: RepoParams & { org: string; team: string; permission: RepositoryPermission },
): Promise<void> {
  await octokit.rest.teams.addOrUpdateRepoPermissionsInOrg({
    org: params.org,
    team_slug: params.team,
    owner: params.owner,
    repo: params.repo,
    permission: params.permission,
  });
}

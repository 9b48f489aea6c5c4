import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

/** The user's role on the repository (admin, maintain, write, triage, read) or "none". */
export async function getCollaboratorRole(
  octokit: Octokit,
  params: RepoParams & { username: string },
): Promise<string> {
  const response = await orNotFound(() =>
    octokit.rest.repos.getCollaboratorPermissionLevel(params),
  );
  // role_name distinguishes maintain and triage, which the legacy `permission` folds away.
  return response?.data.role_name ?? response?.data.permission ?? "none";
}

import { addCollaborator, addTeamRepository } from "../../github/access.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import { getCollaboratorRole } from "../../github/repos.js";
import type { PortalSettings } from "../../request/settings.schema.js";

/** Roles from least to most; the REST API reports pull and push as read and write. */
const RANK: Record<string, number> = {
  none: 0,
  pull: 1,
  read: 1,
  triage: 2,
  push: 3,
  write: 3,
  maintain: 4,
  admin: 5,
};

/**
 * The requester (and the teams the settings name) get `access.permission` on the repository
 * made for them, so they can push the fix a failure report asks for whatever the
 * organisation's base role is. Idempotent and never a downgrade: a person who already has
 * as much (an owner, or someone given more since) is left alone. Returns one line for the
 * status, or undefined when nothing is granted.
 */
export async function grantAccess(
  octokit: Octokit,
  params: { repository: string; requester?: string | undefined; access: PortalSettings["access"] },
): Promise<string | undefined> {
  const { permission, teams } = params.access;
  if (permission === "none") return undefined;
  const repo = splitRepository(params.repository);
  const said: string[] = [];
  if (params.requester) {
    const role = await getCollaboratorRole(octokit, { ...repo, username: params.requester });
    if ((RANK[role] ?? 0) >= (RANK[permission] ?? 0)) {
      said.push(`@${params.requester} has ${role}`);
    } else {
      const { invited } = await addCollaborator(octokit, {
        ...repo,
        username: params.requester,
        permission,
      });
      said.push(
        invited
          ? `@${params.requester} invited with ${permission} (accept the invitation)`
          : `@${params.requester} has ${permission}`,
      );
    }
  }
  for (const team of teams) {
    // Setting a team's role is idempotent on GitHub's side; it only ever names our teams.
    await addTeamRepository(octokit, { ...repo, org: repo.owner, team, permission });
    said.push(`team ${team} has ${permission}`);
  }
  return said.length > 0 ? said.join(", ") : undefined;
}

/** Accounts and organisation teams. */

import { type Octokit, orNotFound } from "./octokit.js";

/** "Organization" or "User": installation tokens can create repositories only in the former. */
export async function getAccountType(
  octokit: Octokit,
  params: { login: string },
): Promise<"Organization" | "User" | "Bot"> {
  const { data } = await octokit.rest.users.getByUsername({ username: params.login });
  return data.type as "Organization" | "User" | "Bot";
}

/** Whether the user is an active member of the organisation's team (pending invites are not). */
export async function isTeamMember(
  octokit: Octokit,
  params: { org: string; team: string; username: string },
): Promise<boolean> {
  const response = await orNotFound(() =>
    octokit.rest.teams.getMembershipForUserInOrg({
      org: params.org,
      team_slug: params.team,
      username: params.username,
    }),
  );
  return response?.data.state === "active";
}

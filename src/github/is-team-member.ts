import { type Octokit, orNotFound } from "./octokit.js";

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

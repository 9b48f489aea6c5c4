import type { Octokit, RepoParams } from "../../github/octokit.js";
import { isTeamMember } from "../../github/orgs.js";
import { getCollaboratorRole } from "../../github/repos.js";

const WRITERS = new Set(["admin", "maintain", "write"]);

export type CommandAuthorization = { ok: true; as: string } | { ok: false; reply: string };

/**
 * Who may run a request's commands: its requester, people with write access to the request
 * repository, and the platform team. Anyone else who can comment (an organisation member
 * with read access, in a public repository anyone) gets a short reply and changes nothing.
 */
export async function authorizeCommenter(
  octokit: Octokit,
  params: RepoParams & {
    login: string;
    requester: string | undefined;
    platformTeam: string | undefined;
    command: string;
  },
): Promise<CommandAuthorization> {
  const { owner, repo, login } = params;
  if (params.requester && params.requester.toLowerCase() === login.toLowerCase()) {
    return { ok: true, as: "the requester" };
  }
  const role = await getCollaboratorRole(octokit, { owner, repo, username: login });
  if (WRITERS.has(role)) return { ok: true, as: `${role} access to ${owner}/${repo}` };
  if (
    params.platformTeam &&
    (await isTeamMember(octokit, { org: owner, team: params.platformTeam, username: login }))
  ) {
    return { ok: true, as: `member of ${owner}/${params.platformTeam}` };
  }
  const who = [
    params.requester ? `the requester (${params.requester})` : "the requester",
    `people with write access to ${owner}/${repo}`,
    params.platformTeam ? `the platform team (${owner}/${params.platformTeam})` : undefined,
  ].filter(Boolean);
  return {
    ok: false,
    reply: `Sorry ${login}, /devportal ${params.command} may be run only by ${who.join(", ")}. Nothing was changed.`,
  };
}

import type { Octokit, RepoParams } from "../../github/octokit.js";
import { isTeamMember } from "../../github/orgs.js";
import { getCollaboratorRole } from "../../github/repos.js";

const WRITERS = new Set(["admin", "maintain", "write"]);

export type Authorization = { ok: true; via: string } | { ok: false; reason: string };

/**
 * Who may ask: people who can write to the request repository, or members of a team the
 * portal settings name. Teams are checked one by one only when the first answer is no.
 */
export async function authorizeRequester(
  octokit: Octokit,
  params: RepoParams & { login: string; teams: string[] },
): Promise<Authorization> {
  const { owner, repo, login } = params;
  const role = await getCollaboratorRole(octokit, { owner, repo, username: login });
  if (WRITERS.has(role)) return { ok: true, via: `${role} access to ${owner}/${repo}` };
  for (const team of params.teams) {
    if (await isTeamMember(octokit, { org: owner, team, username: login })) {
      return { ok: true, via: `member of the ${team} team` };
    }
  }
  const teams =
    params.teams.length > 0
      ? ` or membership in ${params.teams.map((t) => `${owner}/${t}`).join(", ")}`
      : "";
  return {
    ok: false,
    reason: `sorry @${login}, requesting a service needs write access to ${owner}/${repo}${teams}; ask a maintainer to file it for you`,
  };
}

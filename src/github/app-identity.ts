/** Who the app is on GitHub, and whether something GitHub holds was written by it. */

import type { Octokit } from "./octokit.js";

export interface AppIdentity {
  /** The GitHub App's id: issues and comments it writes carry it as
   * `performed_via_github_app.id`. */
  id: number;
  /** Its bot account, `<slug>[bot]`: the author of everything it writes. */
  login: string;
}

/** The app's identity, asked of GitHub with the app's own (JWT) client: `GET /app`. */
export async function getAppIdentity(appOctokit: Octokit): Promise<AppIdentity> {
  const { data } = await appOctokit.rest.apps.getAuthenticated();
  if (!data) throw new Error("GET /app answered without the app");
  return { id: data.id, login: `${data.slug}[bot]` };
}

/** The author fields GitHub gives issues, issue comments and commit comments. */
export interface Authored {
  user?: { login: string; type?: string } | null;
  performed_via_github_app?: { id: number | null } | null;
}

/**
 * Written by this app: its bot login, or a bot acting through this app's id. Never "any
 * bot": another GitHub App installed in the organisation can write anything it likes into a
 * comment, markers included. (A person acting through some app's user token is not a bot.)
 */
export function isAppAuthor(identity: AppIdentity, item: Authored): boolean {
  if (item.user?.login === identity.login) return true;
  return item.user?.type === "Bot" && item.performed_via_github_app?.id === identity.id;
}

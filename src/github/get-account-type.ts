import type { Octokit } from "./octokit.js";

/** "Organization" or "User": installation tokens can create repositories only in the former. */
export async function getAccountType(
  octokit: Octokit,
  params: { login: string },
): Promise<"Organization" | "User" | "Bot"> {
  const { data } = await octokit.rest.users.getByUsername({ username: params.login });
  return data.type as "Organization" | "User" | "Bot";
}

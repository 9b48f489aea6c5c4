import type { Octokit, RepoParams } from "./octokit.js";

/** Names of the repository's Actions secrets (GitHub never returns values). */
export async function listSecretNames(octokit: Octokit, params: RepoParams): Promise<Set<string>> {
  const secrets = await octokit.paginate(octokit.rest.actions.listRepoSecrets, {
    ...params,
    per_page: 100,
  });
  return new Set(secrets.map((secret) => secret.name));
}

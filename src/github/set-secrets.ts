import type { Octokit, RepoParams } from "./octokit.js";
import { sealSecret } from "./seal-secret.js";

/**
 * Set Actions secrets, each sealed with the repository's public key (read once). Values are
 * held only long enough to seal them and never logged.
 */
export async function setSecrets(
  octokit: Octokit,
  params: RepoParams & { secrets: Record<string, string> },
): Promise<void> {
  const { owner, repo } = params;
  const { data: key } = await octokit.rest.actions.getRepoPublicKey({ owner, repo });
  for (const [name, value] of Object.entries(params.secrets)) {
    await octokit.rest.actions.createOrUpdateRepoSecret({
      owner,
      repo,
      secret_name: name,
      key_id: key.key_id,
      encrypted_value: await sealSecret({ value, publicKey: key.key }),
    });
  }
}

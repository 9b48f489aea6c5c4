/** Actions secrets: names, and values sealed for GitHub. */

import sodium from "libsodium-wrappers";
import { NO_RETRY, type Octokit, type RepoParams } from "./octokit.js";

/**
 * Names of the repository's Actions secrets (GitHub never returns values). Pages are read
 * here, not by `octokit.paginate`, which turns a 409 into an empty list: a new repository's
 * 409 must reach the caller's `retryWhileNew`, not read as "no secrets yet" (and have every
 * secret rewritten). NO_RETRY: that caller is the one retrier of its 404 and 409.
 */
export async function listSecretNames(octokit: Octokit, params: RepoParams): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.actions.listRepoSecrets({
      ...params,
      per_page: 100,
      page,
      request: NO_RETRY,
    });
    for (const secret of data.secrets) names.add(secret.name);
    if (data.secrets.length < 100 || names.size >= data.total_count) return names;
  }
}

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

/**
 * Encrypt a secret for GitHub: an anonymous libsodium sealed box (`crypto_box_seal`) with the
 * repository's Curve25519 public key, base64 in the ORIGINAL variant as GitHub expects. Only
 * GitHub's private key can open it.
 */
export async function sealSecret(params: { value: string; publicKey: string }): Promise<string> {
  await sodium.ready;
  const key = sodium.from_base64(params.publicKey, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(params.value), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

import sodium from "libsodium-wrappers";

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

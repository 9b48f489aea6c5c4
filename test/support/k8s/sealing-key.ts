import { execFileSync } from "node:child_process";
import { constants, createDecipheriv, privateDecrypt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SealingKey {
  /** The controller's public certificate, as `kubeseal --fetch-cert` prints it. */
  certificate: string;
  privateKey: string;
}

let cached: SealingKey | undefined;

/**
 * A key pair like the one a Sealed Secrets controller generates (RSA 4096, self-signed
 * certificate), made by the real openssl once per test process, never stored anywhere.
 */
export function sealingKey(): SealingKey {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "devportal-sealing-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:4096",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/O=sealed-secret",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore", timeout: 60_000 },
    );
    cached = {
      certificate: readFileSync(join(dir, "cert.pem"), "utf8"),
      privateKey: readFileSync(join(dir, "key.pem"), "utf8"),
    };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the controller does with one `encryptedData` value (pkg/crypto HybridDecrypt),
 * written from its format, independently of the sealing code: split the length-prefixed
 * RSA-OAEP(SHA-256) session key, labelled `<namespace>/<name>`, from the AES-256-GCM body
 * sealed under a zero nonce. Throws when anything does not match.
 */
export function unsealValue(params: {
  privateKey: string;
  namespace: string;
  name: string;
  value: string;
}): string {
  const data = Buffer.from(params.value, "base64");
  const rsaLength = data.readUInt16BE(0);
  const rsaCiphertext = data.subarray(2, 2 + rsaLength);
  const body = data.subarray(2 + rsaLength);
  const sessionKey = privateDecrypt(
    {
      key: params.privateKey,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: "sha256",
      oaepLabel: Buffer.from(`${params.namespace}/${params.name}`),
    },
    rsaCiphertext,
  );
  const tag = body.subarray(body.length - 16);
  const decipher = createDecipheriv("aes-256-gcm", sessionKey, Buffer.alloc(12));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - 16)),
    decipher.final(),
  ]).toString("utf8");
}

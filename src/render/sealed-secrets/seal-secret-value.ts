import {
  constants,
  createCipheriv,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  X509Certificate,
} from "node:crypto";

/** AES-256-GCM session key, as the controller's HybridEncrypt draws it. */
const SESSION_KEY_BYTES = 32;
/** GCM's standard nonce; the controller uses an all-zero one (each session key is used once). */
const NONCE_BYTES = 12;

/**
 * One value sealed for a Bitnami Sealed Secrets controller, byte for byte as `kubeseal`
 * does (pkg/crypto HybridEncrypt): a random session key encrypted with RSA-OAEP (SHA-256)
 * under the controller's certificate, labelled `<namespace>/<name>` (strict scope: the
 * value decrypts only into that Secret), then
 *   uint16 big-endian length of the RSA ciphertext | RSA ciphertext |
 *   AES-256-GCM(session key, zero nonce, value) with its 16-byte tag appended,
 * base64-encoded (standard alphabet) as `spec.encryptedData` holds it.
 *
 * Not part of `render`: it draws random bytes. The app seals a freshly generated key once,
 * then passes the result to render (and reuses the committed value on later renders).
 */
export function sealSecretValue(params: {
  certificate: string;
  namespace: string;
  name: string;
  value: string;
}): string {
  const publicKey = createPublicKey(
    new X509Certificate(params.certificate).publicKey.export({
      type: "spki",
      format: "pem",
    }),
  );
  const sessionKey = randomBytes(SESSION_KEY_BYTES);
  const rsaCiphertext = publicEncrypt(
    {
      key: publicKey,
      padding: constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: "sha256",
      oaepLabel: Buffer.from(`${params.namespace}/${params.name}`),
    },
    sessionKey,
  );
  const cipher = createCipheriv("aes-256-gcm", sessionKey, Buffer.alloc(NONCE_BYTES));
  const sealed = Buffer.concat([cipher.update(params.value, "utf8"), cipher.final()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(rsaCiphertext.length);
  return Buffer.concat([length, rsaCiphertext, sealed, cipher.getAuthTag()]).toString("base64");
}

/** A new DJANGO_SECRET_KEY: 50 URL-safe random bytes (67 characters), what `check --deploy`
 * asks of a key and more. */
export function generateSecretKey(): string {
  return randomBytes(50).toString("base64url");
}

/**
 * The `sealed` input of render for one service: a DJANGO_SECRET_KEY sealed for the runtime
 * Secret `<service>-env` in the namespace `<service>`. The app generates the key
 * (generateSecretKey) only when Repository_B holds no sealedsecret.yaml for the service
 * yet, and otherwise passes the committed value again, so a re-render changes nothing.
 */
export function sealRuntimeSecret(params: {
  certificate: string;
  service: string;
  secretKey: string;
}): Record<string, string> {
  return {
    DJANGO_SECRET_KEY: sealSecretValue({
      certificate: params.certificate,
      namespace: params.service,
      name: `${params.service}-env`,
      value: params.secretKey,
    }),
  };
}

import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

export interface AppKeys {
  appId: string;
  /** PEM, as GitHub hands it out: the app's PRIVATE_KEY. */
  privateKey: string;
  publicKey: KeyObject;
  webhookSecret: string;
}

/** A GitHub App identity for one test run: its key pair and webhook secret. */
export function appKeys(appId = "4711"): AppKeys {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    appId,
    privateKey,
    publicKey: createPublicKey(privateKey),
    webhookSecret: `whsec-${Math.random().toString(36).slice(2)}`,
  };
}

import { X509Certificate } from "node:crypto";
import type { ValidationError } from "../service-request.js";
import type { PortalSettings } from "../settings.schema.js";
import { DNS_1123_LABEL, DNS_1123_SUBDOMAIN } from "./name-patterns.js";

/** A store key prefix: path-like, no spaces or template syntax. */
const KEY_PREFIX = /^[A-Za-z0-9._/-]{0,200}$/;

/** Settings rules for TLS, the runtime Secret and the NetworkPolicy's ingress namespace. */
export function checkTlsAndRuntimeSecret(settings: PortalSettings): ValidationError[] {
  const errors: ValidationError[] = [];
  const expect = (ok: boolean, path: string, message: string) => {
    if (!ok) errors.push({ path, message });
  };
  const { tls, runtime_secret: runtime } = settings;
  if (tls) {
    expect(
      (tls.cluster_issuer === undefined) !== (tls.secret === undefined),
      "tls",
      "set exactly one of tls.cluster_issuer (cert-manager) or tls.secret (an existing TLS Secret)",
    );
    for (const key of ["cluster_issuer", "secret"] as const) {
      const value = tls[key];
      if (value !== undefined)
        expect(DNS_1123_SUBDOMAIN.test(value), `tls.${key}`, `"${value}" is not a resource name`);
    }
  }
  expect(
    DNS_1123_LABEL.test(settings.ingress_namespace),
    "ingress_namespace",
    `"${settings.ingress_namespace}" is not a namespace name`,
  );
  if (runtime.mode === "external-secrets") {
    expect(
      runtime.store !== undefined,
      "runtime_secret.store",
      "external-secrets needs the store: runtime_secret.store: { name: <store>, kind: ClusterSecretStore }",
    );
    if (runtime.store)
      expect(
        DNS_1123_SUBDOMAIN.test(runtime.store.name),
        "runtime_secret.store.name",
        `"${runtime.store.name}" is not a store name`,
      );
  }
  expect(
    KEY_PREFIX.test(runtime.key_prefix),
    "runtime_secret.key_prefix",
    `"${runtime.key_prefix}" is not a key prefix: letters, digits, . _ / -`,
  );
  if (runtime.mode === "sealed-secrets") {
    expect(
      runtime.certificate !== undefined && isRsaCertificate(runtime.certificate),
      "runtime_secret.certificate",
      "sealed-secrets needs the controller's public certificate as PEM (kubeseal --fetch-cert)",
    );
  }
  return errors;
}

function isRsaCertificate(pem: string): boolean {
  try {
    return new X509Certificate(pem).publicKey.asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

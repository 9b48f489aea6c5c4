import type { ValidationError } from "../service-request.js";
import { type PortalSettings, SECRET_ENV_PREFIX } from "../settings.schema.js";
import {
  CPU_QUANTITY,
  DNS_1123_LABEL,
  DNS_1123_SUBDOMAIN,
  GITHUB_LOGIN,
  HOST_NAME,
  isRepositoryReference,
  QUANTITY,
  REGISTRY_HOST,
  SECRET_NAME,
  TEAM_SLUG,
} from "./name-patterns.js";

/** Rules of the portal settings that the schema cannot express. Every value here reaches a
 * URL, a manifest or an environment lookup, so each is matched against what it will meet. */
export function checkSettings(settings: PortalSettings): ValidationError[] {
  const errors: ValidationError[] = [];
  const expect = (ok: boolean, path: string, message: string) => {
    if (!ok) errors.push({ path, message });
  };
  if (settings.owner !== undefined) {
    expect(
      GITHUB_LOGIN.test(settings.owner),
      "owner",
      `"${settings.owner}" is not a GitHub organisation login`,
    );
  }
  expect(
    isRepositoryReference(settings.gitops_repo),
    "gitops_repo",
    `"${settings.gitops_repo}" is not a GitHub repository: write name or owner/name`,
  );
  if (settings.domain !== undefined) {
    expect(
      HOST_NAME.test(settings.domain),
      "domain",
      `"${settings.domain}" is not a DNS domain (e.g. apps.acme.dev)`,
    );
  }
  expect(
    REGISTRY_HOST.test(settings.registry),
    "registry",
    `"${settings.registry}" is not a registry host (e.g. ghcr.io)`,
  );
  if (settings.image_pull_secret !== undefined) {
    expect(
      DNS_1123_SUBDOMAIN.test(settings.image_pull_secret),
      "image_pull_secret",
      `"${settings.image_pull_secret}" is not a Kubernetes Secret name`,
    );
  }
  settings.requesters.forEach((team, index) => {
    expect(
      TEAM_SLUG.test(team),
      `requesters[${index}]`,
      `"${team}" is not a team slug (e.g. platform-team)`,
    );
  });
  for (const key of ["cpu", "cpu_limit"] as const) {
    const value = settings.resources[key];
    expect(
      CPU_QUANTITY.test(value),
      `resources.${key}`,
      `"${value}" is not a CPU quantity (e.g. 100m or 0.5)`,
    );
  }
  for (const key of ["memory", "memory_limit"] as const) {
    const value = settings.resources[key];
    expect(
      QUANTITY.test(value),
      `resources.${key}`,
      `"${value}" is not a memory quantity (e.g. 256Mi)`,
    );
  }
  expect(
    DNS_1123_SUBDOMAIN.test(settings.ingress_class),
    "ingress_class",
    `"${settings.ingress_class}" is not an IngressClass name`,
  );
  expect(
    DNS_1123_LABEL.test(settings.argocd.namespace),
    "argocd.namespace",
    `"${settings.argocd.namespace}" is not a namespace name`,
  );
  expect(
    DNS_1123_SUBDOMAIN.test(settings.argocd.project),
    "argocd.project",
    `"${settings.argocd.project}" is not an Argo CD project name`,
  );
  for (const [name, secret] of Object.entries(settings.secrets)) {
    const at = `secrets.${name}`;
    expect(
      SECRET_NAME.test(name) && !name.startsWith("GITHUB_"),
      at,
      "secret names use A-Z, 0-9 and _, do not start with a digit or GITHUB_",
    );
    expect(
      secret.from_env.startsWith(SECRET_ENV_PREFIX) && /^[A-Z0-9_]+$/.test(secret.from_env),
      `${at}.from_env`,
      `"${secret.from_env}" is not allowed: secrets may only come from environment variables named ${SECRET_ENV_PREFIX}*`,
    );
  }
  return errors;
}

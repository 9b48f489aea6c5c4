import { hostPatternProblem, isAllowedGitopsRepo } from "../deploy-policy.js";
import type { ValidationError } from "../service-request.js";
import { type PortalSettings, SECRET_ENV_PREFIX } from "../settings.schema.js";
import { checkRegistryCredentials } from "./check-registry-credentials.js";
import { checkTlsAndRuntimeSecret } from "./check-tls-and-runtime-secret.js";
import {
  CPU_QUANTITY,
  DNS_1123_LABEL,
  DNS_1123_SUBDOMAIN,
  GITHUB_LOGIN,
  GITHUB_REPO,
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
  settings.request_repositories.forEach((name, index) => {
    expect(
      GITHUB_REPO.test(name) && name !== "." && name !== "..",
      `request_repositories[${index}]`,
      name.includes("/")
        ? `"${name}" is not a repository name: write the name only (e.g. platform-requests); request repositories are in owner`
        : `"${name}" is not a GitHub repository name (e.g. platform-requests)`,
    );
  });
  const gitopsValid = isRepositoryReference(settings.gitops_repo);
  expect(
    gitopsValid,
    "gitops_repo",
    `"${settings.gitops_repo}" is not a GitHub repository: write name or owner/name`,
  );
  let listValid = true;
  settings.gitops_repos.forEach((reference, index) => {
    const ok = isRepositoryReference(reference);
    listValid &&= ok;
    expect(
      ok,
      `gitops_repos[${index}]`,
      `"${reference}" is not a GitHub repository: write name or owner/name`,
    );
  });
  if (gitopsValid && listValid) {
    expect(
      isAllowedGitopsRepo({
        reference: settings.gitops_repo,
        allowed: settings.gitops_repos,
        owner: settings.owner,
      }),
      "gitops_repos",
      `does not include gitops_repo "${settings.gitops_repo}", the default every request deploys to: add it`,
    );
  }
  if (settings.domain !== undefined) {
    expect(
      HOST_NAME.test(settings.domain),
      "domain",
      `"${settings.domain}" is not a DNS domain (e.g. apps.acme.dev)`,
    );
  }
  settings.allowed_hosts.forEach((pattern, index) => {
    const problem = hostPatternProblem(pattern);
    if (problem) errors.push({ path: `allowed_hosts[${index}]`, message: problem });
  });
  expect(
    settings.domain !== undefined || settings.allowed_hosts.length > 0,
    "domain",
    "required — the domain services are served under (e.g. apps.acme.dev), or at least allowed_hosts: without either no host could be allowed",
  );
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
  if (settings.platform_team !== undefined) {
    expect(
      TEAM_SLUG.test(settings.platform_team),
      "platform_team",
      `"${settings.platform_team}" is not a team slug (e.g. platform-team)`,
    );
  }
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
  errors.push(...checkTlsAndRuntimeSecret(settings));
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
  errors.push(...checkRegistryCredentials(settings));
  return errors;
}

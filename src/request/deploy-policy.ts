import { HOST_NAME } from "./rules/name-patterns.js";
import type { ValidationError } from "./service-request.js";

/**
 * Where a request may deploy, as the platform team allows it in the settings: which GitOps
 * repositories it may name and which hosts it may claim. Pure: the app calls these with what
 * it read; the renderer calls them too, so a request record that names another repository or
 * host (forged, or written under older settings) is refused again at deploy time.
 */

/** `gitops` -> `acme/gitops` (same owner); `other/gitops` stays. Lowercase: GitHub compares
 * owner and repository names ignoring case. */
export function qualifyRepository(reference: string, owner: string | undefined): string {
  const qualified = reference.includes("/") || !owner ? reference : `${owner}/${reference}`;
  return qualified.toLowerCase();
}

/** Is `reference` (name or owner/name) one of the settings' `gitops_repos`? */
export function isAllowedGitopsRepo(params: {
  reference: string;
  allowed: readonly string[];
  owner: string | undefined;
}): boolean {
  const wanted = qualifyRepository(params.reference, params.owner);
  return params.allowed.some((entry) => qualifyRepository(entry, params.owner) === wanted);
}

/** A request's `deploy.gitops_repo` must be one the platform allows. Absent: the default,
 * which the settings check keeps inside the list. */
export function checkGitopsRepo(params: {
  gitopsRepo: string | undefined;
  settings: { gitops_repo: string; gitops_repos: readonly string[] };
  owner: string | undefined;
}): ValidationError[] {
  const { gitopsRepo, settings, owner } = params;
  if (gitopsRepo === undefined) return [];
  if (isAllowedGitopsRepo({ reference: gitopsRepo, allowed: settings.gitops_repos, owner })) {
    return [];
  }
  return [
    {
      path: "deploy.gitops_repo",
      message: `"${gitopsRepo}" is not one of the GitOps repositories the platform allows (${settings.gitops_repos.join(", ")}); remove it to use the default "${settings.gitops_repo}"`,
    },
  ];
}

/** `*.apps.acme.dev` (the leftmost label only, matching exactly one label) or an exact
 * host. Why a pattern is unusable, or undefined. */
export function hostPatternProblem(pattern: string): string | undefined {
  const rest = pattern.startsWith("*.") ? pattern.slice(2) : pattern;
  if (HOST_NAME.test(rest)) return undefined;
  return `"${pattern}" is not a host pattern: write a host (api.acme.com) or *. and a domain with at least two labels (*.apps.acme.dev)`;
}

/** Does `host` match one `allowed_hosts` entry? `*` stands for exactly one DNS label, as in
 * TLS certificates, so `*.acme.dev` never admits `a.b.acme.dev`. */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const name = host.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (!wanted.startsWith("*.")) return name === wanted;
  const suffix = wanted.slice(1);
  if (!name.endsWith(suffix)) return false;
  const label = name.slice(0, -suffix.length);
  return label.length > 0 && !label.includes(".");
}

/** Is `host` strictly under `domain` (any depth; the domain itself is the platform's)? */
export function isUnderDomain(host: string, domain: string): boolean {
  return host.toLowerCase().endsWith(`.${domain.toLowerCase()}`);
}

/**
 * A host must be under the platform's `domain` or match `allowed_hosts`. Settings with
 * neither (only the CLI's offline defaults: `validateSettings` requires one) allow any host.
 */
export function checkHostAllowed(params: {
  host: string;
  settings: { domain?: string | undefined; allowed_hosts: readonly string[] };
  /** Names the default host in the message. */
  service?: string;
}): ValidationError[] {
  const { host, settings } = params;
  const { domain, allowed_hosts: patterns } = settings;
  if (domain === undefined && patterns.length === 0) return [];
  if (domain !== undefined && isUnderDomain(host, domain)) return [];
  if (patterns.some((pattern) => matchesHostPattern(host, pattern))) return [];
  const places = [
    ...(domain !== undefined ? [`under ${domain}`] : []),
    ...(patterns.length > 0 ? [`matching ${patterns.join(", ")}`] : []),
  ].join(" or ");
  const fix =
    domain !== undefined
      ? `use a host under ${domain}, or remove host to get the default ${params.service ?? "<service>"}.${domain}`
      : `use a host matching ${patterns.join(", ")}`;
  return [
    {
      path: "deploy.host",
      message: `"${host}" is not a host the platform allows (hosts must be ${places}) — ${fix}`,
    },
  ];
}

/**
 * A host serves one service. `existingHostsByService` maps each service already in the
 * GitOps repository to the hosts it serves (the app reads them from `apps/*`); the service
 * itself may keep its own host.
 */
export function checkHostUnique(
  host: string,
  service: string,
  existingHostsByService: Readonly<Record<string, readonly string[]>>,
): ValidationError[] {
  const name = host.toLowerCase().replace(/\.$/, "");
  for (const [other, hosts] of Object.entries(existingHostsByService)) {
    if (other === service) continue;
    if (hosts.some((taken) => taken.toLowerCase().replace(/\.$/, "") === name)) {
      return [
        {
          path: "deploy.host",
          message: `"${host}" is already served by the service "${other}" in the GitOps repository — choose another host, or remove host to get the default`,
        },
      ];
    }
  }
  return [];
}

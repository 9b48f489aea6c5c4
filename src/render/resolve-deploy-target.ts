import { checkGitopsRepo, checkHostAllowed } from "../request/deploy-policy.js";
import { splitRepositoryName } from "../request/naming.js";
import { GITHUB_LOGIN } from "../request/rules/name-patterns.js";
import type { Result, ServiceRequest, ValidationError } from "../request/service-request.js";
import type { PortalSettings } from "../request/settings.schema.js";
import type { DeployTarget, RepositoryRef } from "./deploy-target.js";

/** Tag used before any build has run (the CLI's default): the workflow pushes `latest` on
 * the default branch too, so it names a real image. */
export const DEFAULT_TAG = "latest";

/** Repositories the app creates use GitHub's default branch unless the organisation
 * changed it; the app passes the real names once the repositories exist. */
export const DEFAULT_BRANCH = "main";

/** A branch name that is safe in a workflow filter and a YAML scalar: git's ref rules,
 * narrowed to the characters branch names use in practice. */
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!\/)(?!.*[/.]$)[A-Za-z0-9._/-]{1,255}$/;

/** The OCI distribution spec's tag grammar. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Resolve the request's deployment against the portal settings. `owner` is the organisation
 * the app is installed in (or the CLI's --owner); settings.owner wins when set.
 */
export function resolveDeployTarget(params: {
  request: ServiceRequest;
  settings: PortalSettings;
  owner?: string;
  tag?: string;
  /** Repository_A's and Repository_B's default branches (default `main`). */
  branch?: string;
  gitopsBranch?: string;
}): Result<DeployTarget> {
  const { request, settings } = params;
  const errors: ValidationError[] = [];
  const owner = settings.owner ?? params.owner;
  if (!owner) {
    errors.push({
      path: "owner",
      message:
        "no organisation to create the service in: set owner in the portal settings (or pass --owner)",
    });
  }
  if (owner && !GITHUB_LOGIN.test(owner)) {
    errors.push({ path: "owner", message: `"${owner}" is not a GitHub organisation login` });
  }
  const host =
    request.deploy.host ?? (settings.domain ? `${request.service}.${settings.domain}` : undefined);
  if (!host) {
    errors.push({
      path: "deploy.host",
      message:
        "required: the portal settings set no domain to derive <service>.<domain> from; add deploy.host",
    });
  }
  // The platform decides where services may go; checked here, at every render, so a request
  // record written under other settings (or forged) cannot deploy elsewhere either.
  errors.push(
    ...checkGitopsRepo({ gitopsRepo: request.deploy.gitops_repo, settings, owner }),
    ...(host ? checkHostAllowed({ host, settings, service: request.service }) : []),
  );
  const tag = params.tag ?? DEFAULT_TAG;
  if (!IMAGE_TAG.test(tag)) {
    errors.push({
      path: "tag",
      message: `"${tag}" is not an image tag: letters, digits, _, . and -, at most 128, not starting with . or -`,
    });
  }
  const branch = params.branch ?? DEFAULT_BRANCH;
  const gitopsBranch = params.gitopsBranch ?? DEFAULT_BRANCH;
  for (const [path, value] of [
    ["branch", branch],
    ["gitops_branch", gitopsBranch],
  ] as const) {
    if (!BRANCH.test(value)) {
      errors.push({ path, message: `"${value}" is not a branch name this portal can build from` });
    }
  }
  if (!owner || !host || errors.length > 0) return { ok: false, errors };
  const repository = ref(owner, request.service);
  const [gitopsOwner, gitopsName] = splitReference(
    request.deploy.gitops_repo ?? settings.gitops_repo,
    owner,
  );
  return {
    ok: true,
    value: {
      repository,
      branch,
      gitops: ref(gitopsOwner, gitopsName),
      gitopsBranch,
      gitopsPath: `apps/${request.service}`,
      productionPath: `apps/${request.service}`,
      tagFile: `apps/${request.service}/kustomization.yaml`,
      // GHCR refuses uppercase image names, while GitHub logins may have capitals.
      image: `${settings.registry}/${owner}/${request.service}`.toLowerCase(),
      tag,
      host,
      // Only a promise the cluster keeps: https when the Ingress really has TLS.
      url: `${settings.tls ? "https" : "http"}://${host}/`,
      namespace: request.service,
    },
  };
}

function ref(owner: string, name: string): RepositoryRef {
  return { owner, name, fullName: `${owner}/${name}` };
}

function splitReference(reference: string, defaultOwner: string): [string, string] {
  const { owner, repo } = splitRepositoryName(reference, defaultOwner);
  return [owner, repo];
}

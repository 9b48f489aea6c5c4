import type { Result, ServiceRequest } from "../request/service-request.js";
import type { PortalSettings } from "../request/settings.schema.js";
import type { FileTree } from "./file-tree.js";
import { type Plan, planOf } from "./plan.js";
import type { RenderContext } from "./render-context.js";
import { renderRepositoryA } from "./repository-a/render-repository-a.js";
import { renderRepositoryB } from "./repository-b/render-repository-b.js";
import { resolveDeployTarget } from "./resolve-deploy-target.js";
import { SECRET_KEY_NAME } from "./runtime-secret.js";

export interface Rendered {
  repositoryA: FileTree;
  repositoryB: FileTree;
  plan: Plan;
  context: RenderContext;
}

/**
 * The pure core: a validated request and the portal settings in, both repositories' files
 * out. Deterministic: the same input gives byte-identical output (no clock, no randomness;
 * secrets are read by the service from its environment at run time, and a sealed key is
 * an input, sealed beforehand by the caller).
 */
export function render(params: {
  request: ServiceRequest;
  settings: PortalSettings;
  owner?: string;
  tag?: string;
  /** Default branches of Repository_A and Repository_B, once known (default `main`). */
  branch?: string;
  gitopsBranch?: string;
  origin?: RenderContext["origin"];
  /** sealed-secrets mode: `{ DJANGO_SECRET_KEY: <sealed value> }` from sealSecretValue. */
  sealed?: Record<string, string>;
}): Result<Rendered> {
  const target = resolveDeployTarget(params);
  if (!target.ok) return target;
  if (
    params.settings.runtime_secret.mode === "sealed-secrets" &&
    !params.sealed?.[SECRET_KEY_NAME]
  ) {
    return {
      ok: false,
      errors: [
        {
          path: "runtime_secret",
          message: `sealed-secrets mode: render needs the sealed ${SECRET_KEY_NAME} (seal a generated key with sealSecretValue and pass it as sealed)`,
        },
      ],
    };
  }
  const context: RenderContext = {
    request: params.request,
    settings: params.settings,
    target: target.value,
    ...(params.origin ? { origin: params.origin } : {}),
    ...(params.sealed ? { sealed: params.sealed } : {}),
  };
  const repositoryA = renderRepositoryA(context);
  const repositoryB = renderRepositoryB(context);
  return {
    ok: true,
    value: {
      repositoryA,
      repositoryB,
      plan: planOf({ context, repositoryA, repositoryB }),
      context,
    },
  };
}

export type { PortalSettings, ServiceRequest };

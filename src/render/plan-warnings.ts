import type { RenderContext } from "./render-context.js";

/**
 * What a reviewer must not miss, loudest first: anonymous access the request opened, and
 * deployments that would not start or would not be safe as configured. Each names the
 * setting or request key that changes it.
 */
export function planWarnings(context: RenderContext): string[] {
  const { request, settings } = context;
  const warnings: string[] = [];
  if (request.api.write === "anyone") {
    warnings.push(
      "ANONYMOUS WRITES: anyone on the internet can create, change and delete every row (api.write: anyone). Remove it unless that is the point of the service.",
    );
  }
  if (request.api.read === "anyone") {
    warnings.push("ANONYMOUS READS: anyone on the internet can list every row (api.read: anyone).");
  }
  if (!settings.image_pull_secret) {
    warnings.push(
      settings.visibility === "public"
        ? "The portal settings name no image_pull_secret, and new GHCR packages start private: pods will sit in ImagePullBackOff until the package is made public. Set image_pull_secret, or make the package public after the first build."
        : `The image is private (visibility: ${settings.visibility}) and the portal settings name no image_pull_secret: pods will sit in ImagePullBackOff. Set image_pull_secret and create that Secret in the namespace.`,
    );
  }
  if (!settings.tls) {
    warnings.push(
      "No TLS: the service is served over plain HTTP (set tls.cluster_issuer or tls.secret in the portal settings).",
    );
  }
  if (settings.argocd.project === "default") {
    warnings.push(
      "Argo CD's permissive `default` project: services may deploy anything anywhere (set argocd.project to let the portal generate a restricted AppProject).",
    );
  }
  return warnings;
}

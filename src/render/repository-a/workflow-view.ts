import type { RenderContext } from "../render-context.js";
import { yamlString } from "../repository-b/yaml-string.js";

/** GitHub Container Registry: the one registry the workflow's own GITHUB_TOKEN can push to. */
export const GHCR = "ghcr.io";

/** Python of the CI job; the Dockerfile's base image uses the same minor version. */
export const CI_PYTHON = "3.12";

/**
 * The `workflow` part of the service view, for .github/workflows/ci-cd.yml. Only validated
 * names reach it (image, registry), quoted for YAML; the request's free text never does.
 * The template switches mustache to `<% %>` so that `${{ }}` stays GitHub's.
 */
export function workflowView(context: RenderContext) {
  const { request, settings, target } = context;
  const ghcr = settings.registry === GHCR;
  return {
    python: yamlString(CI_PYTHON),
    // Pushes to the default branch build images; the build job also compares with the
    // repository's default branch at run time, so a later rename never publishes elsewhere.
    branch: yamlString(target.branch),
    image: yamlString(target.image),
    registry: yamlString(settings.registry),
    // GHCR takes the workflow's token; any other registry needs the credentials the portal
    // seals into the repository as Actions secrets (settings.secrets).
    registryUsername: ghcr ? gh("github.actor") : gh("secrets.REGISTRY_USERNAME"),
    registryPassword: ghcr ? gh("secrets.GITHUB_TOKEN") : gh("secrets.REGISTRY_PASSWORD"),
    postgres: request.deploy.database === "postgres",
  };
}

/** A GitHub Actions expression, `${{ body }}`: text the workflow keeps for GitHub. */
function gh(body: string): string {
  return `\${{ ${body} }}`;
}

import type { ValidationError } from "../service-request.js";
import type { PortalSettings } from "../settings.schema.js";

/** GitHub Container Registry: the generated workflow logs in with its own GITHUB_TOKEN. */
const GHCR = "ghcr.io";

/** The Actions secrets the generated workflow reads to log in to any other registry. */
export const REGISTRY_SECRETS = ["REGISTRY_USERNAME", "REGISTRY_PASSWORD"] as const;

/**
 * A registry other than GHCR needs a user name and a password together: one without the
 * other fails every build at `docker/login-action`, long after the repository was created.
 * Neither is fine too: the organisation may hold them as organisation Actions secrets.
 * GHCR needs neither (the workflow never reads them there).
 */
export function checkRegistryCredentials(settings: PortalSettings): ValidationError[] {
  if (settings.registry === GHCR) return [];
  const present = REGISTRY_SECRETS.filter((name) => settings.secrets[name] !== undefined);
  if (present.length === 0 || present.length === REGISTRY_SECRETS.length) return [];
  const missing = REGISTRY_SECRETS.filter((name) => !present.includes(name));
  return missing.map((name) => ({
    path: `secrets.${name}`,
    message: `required with secrets.${present.join(", secrets.")}: ${settings.registry} needs a user name and a password together (add secrets.${name}: { from_env: DEVPORTAL_SECRET_${name} }), or neither when the organisation provides them as Actions secrets`,
  }));
}

import type { Result } from "../../request/service-request.js";
import { type PortalSettings, SECRET_ENV_PREFIX } from "../../request/settings.schema.js";

/**
 * The values of `settings.secrets`, read from the app's environment. Only
 * `DEVPORTAL_SECRET_*` variables may be read (validateSettings enforces it too; checked again
 * here because this is where the environment is touched). All are resolved before anything
 * is created, so a missing variable stops the request with nothing half-made.
 */
export function resolveSecretValues(params: {
  settings: PortalSettings;
  env: Readonly<Record<string, string | undefined>>;
}): Result<Record<string, string>> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, { from_env }] of Object.entries(params.settings.secrets)) {
    const value = from_env.startsWith(SECRET_ENV_PREFIX) ? params.env[from_env] : undefined;
    if (value) values[name] = value;
    else missing.push(from_env);
  }
  if (missing.length === 0) return { ok: true, value: values };
  return {
    ok: false,
    errors: [
      {
        path: "secrets",
        message: `the app's environment has no ${missing.join(", ")}: ask the platform team to set it`,
      },
    ],
  };
}

import { formatIssues } from "./format-issues.js";
import { parseYamlDocument } from "./parse-yaml-document.js";
import { checkSettings } from "./rules/check-settings.js";
import type { Result } from "./service-request.js";
import { type PortalSettings, settingsSchema } from "./settings.schema.js";

/** Validate portal settings already read into plain data (e.g. by Probot's config loader). */
export function validateSettings(raw: unknown): Result<PortalSettings> {
  const parsed = settingsSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: formatIssues(parsed.error.issues, settingsSchema) };
  const errors = checkSettings(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** Parse and validate `.github/devportal.yml` text. */
export function parseSettings(
  text: string,
  source = ".github/devportal.yml",
): Result<PortalSettings> {
  const document = parseYamlDocument(text, source);
  return document.ok ? validateSettings(document.value) : document;
}

/** Settings with every default: what the CLI uses when given none. */
export function defaultSettings(): PortalSettings {
  return settingsSchema.parse({});
}

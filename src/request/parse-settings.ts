import { formatIssues } from "./format-issues.js";
import { parseYamlDocument } from "./parse-yaml-document.js";
import { revealErrors } from "./reveal-invisible.js";
import { checkSettings } from "./rules/check-settings.js";
import type { Result, ValidationError } from "./service-request.js";
import { type PortalSettings, settingsObjectSchema, settingsSchema } from "./settings.schema.js";

/** Validate portal settings already read into plain data. */
export function validateSettings(raw: unknown): Result<PortalSettings> {
  const parsed = settingsSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: revealErrors(formatIssues(parsed.error.issues, settingsSchema)) };
  }
  const errors = checkSettings(parsed.data);
  return errors.length > 0
    ? { ok: false, errors: revealErrors(errors) }
    : { ok: true, value: parsed.data };
}

/** Parse and validate `.github/devportal.yml` text. */
export function parseSettings(
  text: string,
  source = ".github/devportal.yml",
): Result<PortalSettings> {
  const document = parseYamlDocument(text, source);
  return document.ok ? validateSettings(document.value) : document;
}

/** Broken settings are the platform team's problem, not the requester's: the app reports
 * them as such (in the status comment) instead of throwing out of a handler. */
export interface SettingsProblem {
  kind: "settings-problem";
  /** Where the settings were read from, e.g. `acme/.github: .github/devportal.yml`. */
  source: string;
  errors: ValidationError[];
}

export type SettingsResult =
  | { ok: true; value: PortalSettings }
  | { ok: false; problem: SettingsProblem };

/**
 * The control plane's settings text in, settings or a settings problem out; never a throw,
 * whatever the text holds (not YAML, an alias bomb, deep nesting, invalid values).
 */
export function parsePortalSettings(text: string, source: string): SettingsResult {
  const problem = (errors: ValidationError[]): SettingsResult => ({
    ok: false,
    problem: { kind: "settings-problem", source, errors },
  });
  try {
    const result = parseSettings(text, source);
    return result.ok ? result : problem(result.errors);
  } catch (error) {
    // Every known bad input is reported above; this keeps a parser bug from becoming a
    // handler crash with no message at all.
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return problem([
      {
        path: "",
        message: `${source} could not be read (${reason}): check that it is a YAML mapping`,
      },
    ]);
  }
}

/**
 * Settings with every default: what the CLI uses when given none. It renders offline and
 * takes no requests, so no repository is a request repository.
 */
export function defaultSettings(): PortalSettings {
  const defaults = settingsObjectSchema.omit({ request_repositories: true }).parse({});
  return { ...defaults, request_repositories: [], gitops_repos: [defaults.gitops_repo] };
}

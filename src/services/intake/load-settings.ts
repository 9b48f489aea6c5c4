import { type Octokit, type RepoParams, statusOf } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import { qualifyRepository } from "../../request/deploy-policy.js";
import { parsePortalSettings } from "../../request/parse-settings.js";
import { parseYamlDocument } from "../../request/parse-yaml-document.js";
import type { ValidationError } from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";

/** Where the settings live inside the control plane repository. */
export const SETTINGS_PATH = ".github/devportal.yml";

/** The environment variable naming the control plane instead of the org's `.github`. */
export const CONFIG_REPO_ENV = "DEVPORTAL_CONFIG_REPO";

export type LoadedSettings =
  | { ok: true; value: PortalSettings; source: string }
  | {
      ok: false;
      /** `owner/repo: .github/devportal.yml`, for the platform team. */
      source: string;
      errors: ValidationError[];
      /** What could still be read of a broken file: whether a repository takes requests
       * (and so should hear that the settings are broken), and whom to mention. */
      requestRepositories: string[];
      platformTeam?: string;
    };

/**
 * The one place the portal settings come from: the organisation's `.github` repository, or
 * the repository `DEVPORTAL_CONFIG_REPO` names (`name`, or `owner/name` for that owner's
 * installation only). The app holds organisation-wide power, so a `.github/devportal.yml`
 * anywhere else, which any member who can create a repository could write, is never read.
 */
export function controlPlaneOf(
  owner: string,
  env: Readonly<Record<string, string | undefined>>,
): RepoParams | undefined {
  const named = env[CONFIG_REPO_ENV]?.trim();
  if (!named) return { owner, repo: ".github" };
  const [first, second] = named.split("/");
  if (second === undefined) return { owner, repo: named };
  // Settings of another organisation never govern this one (its token cannot read them).
  return first?.toLowerCase() === owner.toLowerCase() ? { owner, repo: second } : undefined;
}

/**
 * Read and validate the control plane's settings for the organisation `owner`. Never throws:
 * a missing, unreadable or invalid file is a settings problem, reported as data.
 */
export async function loadSettings(
  octokit: Octokit,
  params: { owner: string; env: Readonly<Record<string, string | undefined>> },
): Promise<LoadedSettings> {
  const plane = controlPlaneOf(params.owner, params.env);
  if (!plane) {
    const named = params.env[CONFIG_REPO_ENV] ?? "";
    return broken(`${named}: ${SETTINGS_PATH}`, [
      { path: "", message: `${CONFIG_REPO_ENV}=${named} is not in ${params.owner}` },
    ]);
  }
  const source = `${plane.owner}/${plane.repo}: ${SETTINGS_PATH}`;
  let text: string | undefined;
  try {
    text = await readFile(octokit, { ...plane, path: SETTINGS_PATH });
  } catch (error) {
    const status = statusOf(error) ?? "an error";
    return broken(source, [
      { path: "", message: `the app could not read it (GitHub answered ${status})` },
    ]);
  }
  if (text === undefined) {
    return broken(source, [
      {
        path: "",
        message: `no portal settings: the platform team adds ${SETTINGS_PATH} to ${plane.owner}/${plane.repo} (see the Dev Portal README)`,
      },
    ]);
  }
  const parsed = parsePortalSettings(text, source);
  if (parsed.ok) return { ok: true, value: parsed.value, source };
  return { ...broken(source, parsed.problem.errors), ...salvage(text, source) };
}

/** Does `repo` take requests? Only the repositories the settings list do; with broken
 * settings, those the file still legibly lists (so they hear what is broken). */
export function takesRequests(settings: LoadedSettings, repo: RepoParams): boolean {
  const list = settings.ok ? settings.value.request_repositories : settings.requestRepositories;
  const wanted = `${repo.owner}/${repo.repo}`.toLowerCase();
  return list.some((entry) => qualifyRepository(entry, repo.owner) === wanted);
}

/** The team to mention when the platform must act, as `@owner/team` (or the words). */
export function platformTeamMention(settings: LoadedSettings, owner: string): string {
  const team = settings.ok ? settings.value.platform_team : settings.platformTeam;
  return team ? `@${owner}/${team}` : "the platform team";
}

function broken(source: string, errors: ValidationError[]): Extract<LoadedSettings, { ok: false }> {
  return { ok: false, source, errors, requestRepositories: [] };
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(?:\/[A-Za-z0-9_.-]{1,100})?$/;

/** The two keys that decide who is told, read leniently from a file that did not validate. */
function salvage(
  text: string,
  source: string,
): { requestRepositories: string[]; platformTeam?: string } {
  let document: ReturnType<typeof parseYamlDocument>;
  try {
    document = parseYamlDocument(text, source);
  } catch {
    return { requestRepositories: [] };
  }
  if (!document.ok) return { requestRepositories: [] };
  const { request_repositories: list, platform_team: team } = document.value;
  const requestRepositories = Array.isArray(list)
    ? list.filter((entry): entry is string => typeof entry === "string" && SLUG.test(entry))
    : [];
  return {
    requestRepositories,
    ...(typeof team === "string" && SLUG.test(team) && !team.includes("/")
      ? { platformTeam: team }
      : {}),
  };
}

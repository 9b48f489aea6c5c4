import type { Octokit, RepoParams } from "./octokit.js";

/** Where portal settings live, relative to the request repository and the org's `.github`. */
export const SETTINGS_PATH = ".github/devportal.yml";

export interface SettingsLookup {
  /** The merged settings document, or null when neither repository holds one. */
  raw: Record<string, unknown> | null;
  /** True when the repository itself holds `.github/devportal.yml`: it is a request
   * repository, whose pushes may be requests. The org fallback alone does not make one. */
  own: boolean;
}

/**
 * Read the settings as Probot's `context.config` does (the repository's default branch,
 * then the organisation's `.github` repository, `_extends` honoured), keeping track of
 * whether the repository holds its own file.
 */
export async function readPortalSettings(
  octokit: Octokit,
  params: RepoParams,
): Promise<SettingsLookup> {
  const { config, files } = await octokit.config.get({ ...params, path: SETTINGS_PATH });
  const found = files.some((file) => file.config !== null);
  return {
    raw: found ? (config as Record<string, unknown>) : null,
    own: files[0]?.config !== null && files[0]?.config !== undefined,
  };
}

import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readPortalSettings, SETTINGS_PATH } from "../../github/repos.js";
import { validateSettings } from "../../request/parse-settings.js";
import type { Result } from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";

export type LoadedSettings = Result<PortalSettings> & { own: boolean };

/**
 * The portal settings of a request repository (its `.github/devportal.yml`, else the
 * organisation's `.github` repository), validated. Errors are prefixed with the file so the
 * platform team knows where to look.
 */
export async function loadSettings(octokit: Octokit, params: RepoParams): Promise<LoadedSettings> {
  const lookup = await readPortalSettings(octokit, params);
  if (!lookup.raw) {
    return {
      ok: false,
      own: false,
      errors: [
        {
          path: SETTINGS_PATH,
          message: `no portal settings: add ${SETTINGS_PATH} to ${params.owner}/${params.repo} or to ${params.owner}/.github (see the Dev Portal README)`,
        },
      ],
    };
  }
  const result = validateSettings(lookup.raw);
  if (result.ok) return { ...result, own: lookup.own };
  return {
    ok: false,
    own: lookup.own,
    errors: result.errors.map((error) => ({
      path: error.path ? `${SETTINGS_PATH}: ${error.path}` : SETTINGS_PATH,
      message: error.message,
    })),
  };
}

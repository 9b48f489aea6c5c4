import { ensureLabels } from "../../github/labels.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readPortalSettings } from "../../github/repos.js";
import { LABEL_SPECS } from "../state-in-github.js";

/**
 * The app's labels in a request repository, created when missing: on installation (so the
 * form's label exists before anyone files it; GitHub drops unknown template labels) and on
 * a request's first report. Repositories without their own portal settings take no
 * requests and are left alone.
 */
export async function ensureRequestLabels(
  octokit: Octokit,
  params: RepoParams & { checkSettings?: boolean },
): Promise<string[]> {
  const repo = { owner: params.owner, repo: params.repo };
  if (params.checkSettings && !(await readPortalSettings(octokit, repo)).own) return [];
  return ensureLabels(octokit, { ...repo, labels: LABEL_SPECS });
}

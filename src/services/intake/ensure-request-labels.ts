import { ensureLabels } from "../../github/labels.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { LABEL_SPECS } from "../state-in-github.js";
import { loadSettings, takesRequests } from "./load-settings.js";

/**
 * The app's labels in a request repository, created when missing: on installation (so the
 * form's label exists before anyone files it; GitHub drops unknown template labels) and on
 * a request's first report. Given the environment (`onlyRequestRepositories`), a repository
 * the control plane does not list in `request_repositories` is left alone.
 */
export async function ensureRequestLabels(
  octokit: Octokit,
  params: RepoParams & { onlyRequestRepositories?: Readonly<Record<string, string | undefined>> },
): Promise<string[]> {
  const repo = { owner: params.owner, repo: params.repo };
  const env = params.onlyRequestRepositories;
  if (env && !takesRequests(await loadSettings(octokit, { owner: repo.owner, env }), repo)) {
    return [];
  }
  return ensureLabels(octokit, { ...repo, labels: LABEL_SPECS });
}

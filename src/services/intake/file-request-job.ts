import type { Logger } from "probot";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import { parseYamlDocument } from "../../request/parse-yaml-document.js";
import type { LoadedSettings } from "./load-settings.js";
import type { RequestJob } from "./request-job.js";

/** A request committed as a file: read at the pushed commit, problems named by key path.
 * Its home is the issue the app opened for it, or the pull request whose merge pushed it. */
export function fileRequestJob(params: {
  octokit: Octokit;
  log: Logger;
  repo: RepoParams;
  issue: { number: number; labels: string[] };
  pullRequest?: { author: string };
  sender: string;
  path: string;
  sha: string;
  settings?: LoadedSettings;
}): RequestJob {
  const { octokit, repo, path, sha } = params;
  return {
    octokit,
    log: params.log,
    repo,
    issue: { number: params.issue.number, labels: [...params.issue.labels] },
    sender: params.sender,
    origin: {
      repository: `${repo.owner}/${repo.repo}`,
      kind: params.pullRequest ? "pull_request" : "file",
      issue: params.issue.number,
      ...(params.pullRequest?.author ? { author: params.pullRequest.author } : {}),
      path,
      sha,
      requester: params.sender,
    },
    read: async () => {
      const text = await readFile(octokit, { ...repo, path, ref: sha });
      if (text === undefined) {
        return { ok: false, errors: [{ path: "", message: `${path} does not exist at ${sha}` }] };
      }
      return parseYamlDocument(text, path);
    },
    fieldName: (key) => `${path}: ${key}`,
    ...(params.settings ? { settings: params.settings } : {}),
  };
}

import { commitFiles } from "../../github/commit-files.js";
import { type Octokit, retryWhileNew, splitRepository } from "../../github/octokit.js";
import type { FileTree } from "../../render/file-tree.js";
import type { RequestOrigin } from "../../request/service-request.js";
import type { EnsuredRepository } from "./ensure-repository.js";

/**
 * Step 3: every file of Repository_A in ONE commit on the default branch (one CI run). A
 * resumed repository already holds the request record, which lands in the same commit as
 * the code, so nothing is written again and changes people made since are kept.
 */
export async function pushCode(
  octokit: Octokit,
  params: {
    repository: EnsuredRepository;
    files: FileTree;
    service: string;
    origin: RequestOrigin;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<{ sha: string; created: boolean }> {
  const { repository } = params;
  if (repository.state === "resumed" && repository.head) {
    return { sha: repository.head, created: false };
  }
  const { owner, repo } = splitRepository(repository.fullName);
  const branch = repository.defaultBranch;
  return retryWhileNew(
    () =>
      commitFiles(octokit, {
        owner,
        repo,
        branch,
        files: params.files,
        message: commitMessage(params.service, params.origin),
      }),
    params.sleep ? { sleep: params.sleep } : {},
  );
}

/** Names the request, so `git log` leads back to where it was asked (and GitHub links it). */
function commitMessage(service: string, origin: RequestOrigin): string {
  const where =
    origin.kind === "issue"
      ? `${origin.repository}#${origin.issue}`
      : `${origin.path} in ${origin.repository}@${origin.sha?.slice(0, 12)}`;
  const by = origin.requester ? ` by @${origin.requester}` : "";
  return `Create ${service} with Dev Portal\n\nRequested in ${where}${by}.\nThe request is recorded in .devportal/request.yml.`;
}

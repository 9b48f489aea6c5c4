import { getBranchHead } from "../../github/get-branch-head.js";
import { getRepository } from "../../github/get-repository.js";
import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/read-file.js";
import { kustomizationTag, usesImageUpdater } from "./kustomization-tag.js";
import { splitRepository } from "./split-repository.js";

export type GitopsState =
  | { kind: "missing"; gitops: string }
  | {
      kind: "ready";
      gitops: string;
      owner: string;
      repo: string;
      branch: string;
      /** Undefined while Repository_B has no commit yet. */
      head: string | undefined;
      /** The tag `apps/<service>/kustomization.yaml` deploys; undefined before the first
       * deployment. */
      tag: string | undefined;
      /** Argo CD Image Updater deploys later builds of this service (settings.image_updater). */
      imageUpdater: boolean;
    };

export function kustomizationPath(service: string): string {
  return `apps/${service}/kustomization.yaml`;
}

/** What Repository_B holds for one service: three reads, whatever the repository's size. */
export async function readGitopsState(
  octokit: Octokit,
  params: { gitops: string; service: string; image: string },
): Promise<GitopsState> {
  const { owner, repo } = splitRepository(params.gitops);
  const repository = await getRepository(octokit, { owner, repo });
  if (!repository) return { kind: "missing", gitops: params.gitops };
  const branch = repository.defaultBranch;
  const head = await getBranchHead(octokit, { owner, repo, branch });
  const text = head
    ? await readFile(octokit, { owner, repo, path: kustomizationPath(params.service), ref: head })
    : undefined;
  return {
    kind: "ready",
    gitops: params.gitops,
    owner,
    repo,
    branch,
    head,
    tag: text === undefined ? undefined : kustomizationTag(text, params.image),
    imageUpdater: text !== undefined && usesImageUpdater(text),
  };
}

import { parse } from "yaml";
import { getBranchHead } from "../../github/git.js";
import { type Octokit, splitRepository, statusOf } from "../../github/octokit.js";
import { getRepository, readFile } from "../../github/repos.js";

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
      /** The kustomization's text at `head` (undefined before the first deployment): a plan
       * made at the same head needs no second read of it. */
      kustomization: string | undefined;
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
    kustomization: text,
  };
}

/**
 * The `newTag` of the kustomization's `images:` entry named `image`: the tag Argo CD
 * deploys. Undefined when the entry or its tag is absent (nothing deployed by us yet).
 */
export function kustomizationTag(text: string, image: string): string | undefined {
  const images = parseKustomization(text)?.images;
  if (!Array.isArray(images)) return undefined;
  const entry = images.find((item) => item?.name === image) as { newTag?: unknown } | undefined;
  // A tag written unquoted by hand (newTag: 1234) parses as a number; it is still the tag.
  const tag = entry?.newTag;
  return typeof tag === "string" || typeof tag === "number" ? String(tag) : undefined;
}

/**
 * Whether the kustomization deploys an Argo CD Image Updater `ImageUpdater`: then the
 * updater writes later tags back itself, and the app must not race it with its own bumps.
 */
export function usesImageUpdater(text: string): boolean {
  const resources = parseKustomization(text)?.resources;
  return Array.isArray(resources) && resources.includes("image-updater.yaml");
}

function parseKustomization(text: string): { images?: unknown; resources?: unknown } | undefined {
  try {
    const document: unknown = parse(text);
    return typeof document === "object" && document !== null ? document : undefined;
  } catch {
    return undefined;
  }
}

export interface AccessProblem {
  reason: string;
  action: string;
}

/**
 * GitHub answers 404 both for a repository that does not exist and for one the
 * installation may not see, so the answer names both fixes rather than guess.
 */
export function missingGitops(gitops: string): AccessProblem {
  return {
    reason: `the GitOps repository ${gitops} does not exist or the app cannot see it`,
    action: `create ${gitops} (any first commit will do) and add it to the Dev Portal app's installation, then comment \`/devportal retry\``,
  };
}

/**
 * What the platform team must do when a write to Repository_B is refused: 404 (not visible)
 * or 403 (visible, not writable). Undefined for any other error, which is not theirs to fix.
 */
export function gitopsAccessProblem(gitops: string, error: unknown): AccessProblem | undefined {
  const status = statusOf(error);
  if (status === 404) return missingGitops(gitops);
  if (status === 403) {
    return {
      reason: `the app may not write to ${gitops}`,
      action: `grant the Dev Portal app contents: write on ${gitops} (and accept the new permissions), then comment \`/devportal retry\``,
    };
  }
  return undefined;
}

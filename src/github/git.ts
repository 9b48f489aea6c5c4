/** Git Data API reads: branch heads, commit trees, and the blob id of a text. */

import { createHash } from "node:crypto";
import { NO_RETRY, type Octokit, type RepoParams, statusOf } from "./octokit.js";

/**
 * The commit SHA a branch points at, or undefined when the repository has no commits yet
 * (GitHub answers 409 "Git Repository is empty") or the branch does not exist (404).
 */
export async function getBranchHead(
  octokit: Octokit,
  params: RepoParams & { branch: string },
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({
      owner: params.owner,
      repo: params.repo,
      ref: `heads/${params.branch}`,
      // 409 and 404 are answers here: without this, plugin-retry asks 3 more times (~14 s).
      request: NO_RETRY,
    });
    return data.object.sha;
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 404) return undefined;
    throw error;
  }
}

export interface TreeEntry {
  path: string;
  mode: string;
  sha: string;
}

export interface CommitTree {
  commit: string;
  tree: string;
  /** Blobs by path. */
  files: Map<string, TreeEntry>;
  /** GitHub cuts recursive trees beyond 100,000 entries or 7 MB; a diff is then unsafe. */
  truncated: boolean;
}

/**
 * The files of a commit in one request: `git/trees/{tree_sha}` takes any tree-ish (a commit
 * SHA included) and answers with the resolved tree and its own SHA, so the commit object
 * itself is never fetched. Read recursively, so a change can be diffed without more calls.
 */
export async function readCommitTree(
  octokit: Octokit,
  params: RepoParams & { commit: string },
): Promise<CommitTree> {
  const { data: tree } = await octokit.rest.git.getTree({
    owner: params.owner,
    repo: params.repo,
    tree_sha: params.commit,
    recursive: "true",
  });
  const files = new Map<string, TreeEntry>();
  for (const entry of tree.tree) {
    if (entry.type === "blob" && entry.path && entry.sha && entry.mode) {
      files.set(entry.path, { path: entry.path, mode: entry.mode, sha: entry.sha });
    }
  }
  return { commit: params.commit, tree: tree.sha, files, truncated: tree.truncated };
}

/** How many parents a commit has (0 for a repository's first commit). */
export async function commitParentCount(
  octokit: Octokit,
  params: RepoParams & { commit: string },
): Promise<number> {
  const { data } = await octokit.rest.git.getCommit({
    owner: params.owner,
    repo: params.repo,
    commit_sha: params.commit,
  });
  return data.parents.length;
}

/** The object id git gives a blob with this content, so unchanged files can be skipped
 * without downloading them: sha1("blob <bytes>\0" + content). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

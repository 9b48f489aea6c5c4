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
  parents: number;
  /** Blobs by path. */
  files: Map<string, TreeEntry>;
  /** GitHub cuts recursive trees beyond 100,000 entries or 7 MB; a diff is then unsafe. */
  truncated: boolean;
}

/** The files of a commit: its tree read recursively, so a change can be diffed in one call. */
export async function readCommitTree(
  octokit: Octokit,
  params: RepoParams & { commit: string },
): Promise<CommitTree> {
  const { owner, repo } = params;
  const { data: commit } = await octokit.rest.git.getCommit({
    owner,
    repo,
    commit_sha: params.commit,
  });
  const { data: tree } = await octokit.rest.git.getTree({
    owner,
    repo,
    tree_sha: commit.tree.sha,
    recursive: "true",
  });
  const files = new Map<string, TreeEntry>();
  for (const entry of tree.tree) {
    if (entry.type === "blob" && entry.path && entry.sha && entry.mode) {
      files.set(entry.path, { path: entry.path, mode: entry.mode, sha: entry.sha });
    }
  }
  return {
    commit: params.commit,
    tree: commit.tree.sha,
    parents: commit.parents.length,
    files,
    truncated: tree.truncated,
  };
}

/** The object id git gives a blob with this content, so unchanged files can be skipped
 * without downloading them: sha1("blob <bytes>\0" + content). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

import type { Octokit, RepoParams } from "./octokit.js";

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

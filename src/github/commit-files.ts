import { type CommitTree, gitBlobSha, readCommitTree } from "./git.js";
import { type Octokit, type RepoParams, statusOf } from "./octokit.js";

export interface CommitFilesParams extends RepoParams {
  branch: string;
  /** path -> text content. */
  files: Record<string, string>;
  message: string;
  /** Paths to remove; a path ending in "/" removes every file under it that `files` does not
   * write (how a GitOps directory is replaced as a whole). */
  deletePaths?: string[];
  /** Lost ref races retried before giving up (default 3). */
  attempts?: number;
  /** Build on this commit instead of the branch's current head: when the branch has moved
   * since, the ref update fails with GitHub's 422 instead of silently rebasing files that
   * the caller computed from this commit (how a shared file is merged safely). */
  parent?: string;
}

export interface CommitFilesResult {
  /** The branch head after the call. */
  sha: string;
  /** False when the branch already held exactly these files: nothing was written. */
  created: boolean;
}

type TreeChange = {
  path: string;
  mode: "100644" | "100755";
  type: "blob";
  content?: string;
  sha?: null;
};

/**
 * Write files to a branch in ONE commit through the Git Data API (one CI run per change,
 * never one commit per file). Files are sent inline in the tree, so a commit costs three
 * writes (tree, commit, ref) whatever its size. Unchanged files are detected by their blob
 * SHA and an unchanged tree makes no commit, so a retried call never commits twice. When
 * another writer moves the branch between our read and our ref update, GitHub answers 422
 * "Update is not a fast forward": re-read and retry, a bounded number of times.
 */
export async function commitFiles(
  octokit: Octokit,
  params: CommitFilesParams,
): Promise<CommitFilesResult> {
  const { owner, repo, branch } = params;
  // A pinned parent cannot be re-read: the caller re-plans and retries instead.
  const attempts = params.parent ? 1 : (params.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const parent =
      params.parent ??
      (await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
    const head = await readCommitTree(octokit, { owner, repo, commit: parent });
    const changes = changesAgainst(head, params);
    if (changes.length === 0) return { sha: head.commit, created: false };
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: head.tree,
      tree: changes,
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner,
      repo,
      message: params.message,
      tree: tree.sha,
      parents: [head.commit],
    });
    try {
      await octokit.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha: commit.sha,
        force: false,
      });
      return { sha: commit.sha, created: true };
    } catch (error) {
      // The tree and commit just made are unreachable and cost nothing; GitHub collects them.
      if (statusOf(error) !== 422 || attempt >= attempts) throw error;
    }
  }
}

function changesAgainst(head: CommitTree, params: CommitFilesParams): TreeChange[] {
  const changes: TreeChange[] = [];
  for (const [path, content] of Object.entries(params.files)) {
    const existing = head.files.get(path);
    if (!head.truncated && existing?.sha === gitBlobSha(content)) continue;
    const mode = existing?.mode === "100755" ? "100755" : "100644";
    changes.push({ path, mode, type: "blob", content });
  }
  for (const target of params.deletePaths ?? []) {
    for (const path of head.files.keys()) {
      const covered = target.endsWith("/") ? path.startsWith(target) : path === target;
      if (covered && !(path in params.files)) {
        changes.push({ path, mode: "100644", type: "blob", sha: null });
      }
    }
  }
  return changes;
}

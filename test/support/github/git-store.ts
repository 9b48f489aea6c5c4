import { createHash } from "node:crypto";

export interface FileEntry {
  mode: string;
  sha: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

/**
 * Git objects of one repository, content-addressed like git: blob ids are real git blob
 * SHA-1s (so the app's local diff agrees with the double), trees are stored flat
 * (path -> blob) since the app reads them recursively.
 */
export class GitStore {
  readonly blobs = new Map<string, string>();
  readonly trees = new Map<string, Map<string, FileEntry>>();
  readonly commits = new Map<string, CommitObject>();
  readonly refs = new Map<string, string>();

  putBlob(content: string): string {
    const bytes = Buffer.from(content, "utf8");
    const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(files: Map<string, FileEntry>): string {
    const sorted = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = createHash("sha1")
      .update(`tree ${JSON.stringify(sorted)}`)
      .digest("hex");
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  putCommit(params: { tree: string; parents: string[]; message: string }): string {
    const sha = createHash("sha1")
      .update(`commit ${JSON.stringify(params)} ${this.commits.size}`)
      .digest("hex");
    this.commits.set(sha, { sha, ...params });
    return sha;
  }

  /** Files of the commit a branch points at (empty when the branch does not exist). */
  filesAt(branch: string): Map<string, FileEntry> {
    const head = this.refs.get(`heads/${branch}`);
    const commit = head ? this.commits.get(head) : undefined;
    return new Map(commit ? this.trees.get(commit.tree) : []);
  }

  /** Text of the files at a branch or commit, for assertions. */
  read(refOrSha: string): Record<string, string> {
    const sha = this.refs.get(`heads/${refOrSha}`) ?? refOrSha;
    const commit = this.commits.get(sha);
    const tree = commit ? this.trees.get(commit.tree) : undefined;
    return Object.fromEntries(
      [...(tree ?? [])].map(([path, entry]) => [path, this.blobs.get(entry.sha) ?? ""]),
    );
  }

  /** Commits reachable from a branch, newest first. */
  history(branch: string): CommitObject[] {
    const out: CommitObject[] = [];
    let sha = this.refs.get(`heads/${branch}`);
    while (sha) {
      const commit = this.commits.get(sha);
      if (!commit) break;
      out.push(commit);
      sha = commit.parents[0];
    }
    return out;
  }
}

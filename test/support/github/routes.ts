import sodium from "libsodium-wrappers";
import type { DoubleState, Issue, PullRequest, Repo } from "./double-state.js";

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies were validated against GitHub's schema
  body: any;
  headers: Record<string, string>;
  state: DoubleState;
  keys: { publicKey: Uint8Array; privateKey: Uint8Array; keyId: string };
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Reset the connection instead of answering (a fault). */
  reset?: boolean;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Route = (request: RouteRequest) => Reply;

const API = "https://api.github.com";
const WEB = "https://github.com";

export function repoOf(request: RouteRequest): Repo {
  const { owner = "", repo = "" } = request.params;
  const found = request.state.repo(owner, repo);
  if (!found) throw new HttpError(404, "Not Found");
  return found;
}

function repoJson(repo: Repo) {
  return {
    id: repo.id,
    created_at: repo.createdAt,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner },
    private: repo.visibility !== "public",
    visibility: repo.visibility,
    description: repo.description,
    html_url: `${WEB}/${repo.owner}/${repo.name}`,
    url: `${API}/repos/${repo.owner}/${repo.name}`,
    default_branch: repo.defaultBranch,
    homepage: repo.homepage || null,
  };
}

function headOf(repo: Repo, ref: string): string {
  const sha = repo.git.refs.get(ref);
  if (sha) return sha;
  if (repo.git.refs.size === 0) throw new HttpError(409, "Git Repository is empty.");
  throw new HttpError(404, "Not Found");
}

/**
 * The tree a tree-ish names, as `git/trees/{tree_sha}` resolves it: a tree SHA, a commit SHA
 * (its tree), or a branch or tag name (the tree of the commit it points at).
 */
function treeOf(repo: Repo, treeish: string): string {
  if (repo.git.trees.has(treeish)) return treeish;
  const commit =
    repo.git.commits.get(treeish) ??
    repo.git.commits.get(
      repo.git.refs.get(`heads/${treeish}`) ?? repo.git.refs.get(`tags/${treeish}`) ?? "",
    );
  if (commit) return commit.tree;
  if (repo.git.refs.size === 0) throw new HttpError(409, "Git Repository is empty.");
  throw new HttpError(404, "Not Found");
}

export function issueOf(request: RouteRequest): { repo: Repo; issue: Issue } {
  const repo = repoOf(request);
  const issue = repo.issues.get(Number(request.params.issue_number));
  if (!issue) throw new HttpError(404, "Not Found");
  return { repo, issue };
}

export function issueJson(repo: Repo, issue: Issue) {
  return {
    id: issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    user: issue.user,
    state: issue.state,
    closed_at: issue.closedAt ?? null,
    labels: issue.labels.map((name) => ({ name })),
    html_url: `${WEB}/${repo.owner}/${repo.name}/issues/${issue.number}`,
    performed_via_github_app: issue.performed_via_github_app ?? null,
  };
}

/** A pull request as GitHub's lists give it, the fields the app reads. */
function pullJson(repo: Repo, pull: PullRequest) {
  return {
    id: pull.number,
    number: pull.number,
    state: pull.state,
    user: pull.user,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    head: { sha: pull.headSha },
    base: { ref: pull.base },
    html_url: `${WEB}/${repo.owner}/${repo.name}/pull/${pull.number}`,
  };
}

function commentJson(repo: Repo, comment: Issue["comments"][number]) {
  const { reactions: _, ...fields } = comment;
  return {
    performed_via_github_app: null,
    ...fields,
    html_url: `${WEB}/${repo.owner}/${repo.name}#issuecomment-${comment.id}`,
  };
}

/** The REST operations the double implements, by operationId. */
export const ROUTES: Record<string, Route> = {
  "apps/create-installation-access-token": () => ({
    status: 201,
    body: {
      token: "ghs_double",
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: {},
    },
  }),
  "apps/get-authenticated": ({ state }) => ({
    status: 200,
    body: { id: state.app.id, slug: state.app.slug, name: "Dev Portal", owner: null },
  }),
  "reactions/create-for-issue-comment": (request) => {
    const repo = repoOf(request);
    const id = Number(request.params.comment_id);
    const comment = [...repo.issues.values()]
      .flatMap((issue) => issue.comments)
      .find((candidate) => candidate.id === id);
    if (!comment) throw new HttpError(404, "Not Found");
    comment.reactions ??= new Map();
    const content: string = request.body.content;
    const by = comment.reactions.get(content) ?? new Set<string>();
    const existed = by.has(request.state.appUser.login);
    by.add(request.state.appUser.login);
    comment.reactions.set(content, by);
    // GitHub answers 200 with the existing reaction, 201 for a new one.
    return { status: existed ? 200 : 201, body: { id: 1, content, user: request.state.appUser } };
  },
  "users/get-by-username": ({ params, state }) => {
    const type = state.accounts.get(params.username ?? "");
    if (!type) throw new HttpError(404, "Not Found");
    return { status: 200, body: { login: params.username, id: 1, type } };
  },
  "teams/get-membership-for-user-in-org": ({ params, state }) => {
    const members = state.teams.get(`${params.org}/${params.team_slug}`);
    if (!members?.has(params.username ?? "")) throw new HttpError(404, "Not Found");
    return { status: 200, body: { state: "active", role: "member", url: API } };
  },
  "repos/create-in-org": ({ params, body, state }) => {
    if (state.accounts.get(params.org ?? "") !== "Organization")
      throw new HttpError(404, "Not Found");
    if (state.repo(params.org ?? "", body.name)) {
      throw new HttpError(422, "Repository creation failed.: name already exists on this account");
    }
    const repo = state.addRepo({
      owner: params.org ?? "",
      name: body.name,
      empty: !body.auto_init,
      defaultBranch: state.orgDefaultBranch.get(params.org ?? "") ?? "main",
      createdByApp: true,
      description: body.description ?? "",
      homepage: body.homepage ?? "",
      visibility: body.visibility ?? "public",
      createdAt: new Date().toISOString(),
    });
    return { status: 201, body: repoJson(repo) };
  },
  "repos/get": (request) => ({ status: 200, body: repoJson(repoOf(request)) }),
  "repos/get-collaborator-permission-level": (request) => {
    const role = repoOf(request).collaborators.get(request.params.username ?? "") ?? "none";
    const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
    return {
      status: 200,
      body: { permission, role_name: role, user: { login: request.params.username } },
    };
  },
  "repos/get-content": (request) => {
    const repo = repoOf(request);
    const ref = request.query.get("ref") ?? repo.defaultBranch;
    const files = repo.git.read(ref);
    const path = request.params.path ?? "";
    const content = files[path];
    if (content === undefined) throw new HttpError(404, "Not Found");
    if ((request.headers.accept ?? "").includes("raw")) {
      return {
        status: 200,
        body: content,
        headers: { "content-type": "text/plain; charset=utf-8" },
      };
    }
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        path,
        name: path.split("/").pop(),
        sha: repo.git.putBlob(content),
        size: Buffer.byteLength(content),
        content: Buffer.from(content).toString("base64"),
      },
    };
  },
  "repos/create-or-update-file-contents": (request) => {
    const repo = repoOf(request);
    const content = Buffer.from(request.body.content, "base64").toString("utf8");
    const exists = repo.git.read(repo.defaultBranch)[request.params.path ?? ""] !== undefined;
    if (exists && !request.body.sha) throw new HttpError(422, '"sha" wasn\'t supplied.');
    const sha = request.state.commitFiles(
      repo,
      { [request.params.path ?? ""]: content },
      request.body.message,
    );
    return {
      status: exists ? 200 : 201,
      body: { commit: { sha }, content: { path: request.params.path } },
    };
  },
  "git/get-ref": (request) => {
    const repo = repoOf(request);
    const sha = headOf(repo, request.params.ref ?? "");
    return {
      status: 200,
      body: { ref: `refs/${request.params.ref}`, object: { sha, type: "commit" } },
    };
  },
  "git/update-ref": (request) => {
    const repo = repoOf(request);
    const ref = request.params.ref ?? "";
    const current = headOf(repo, ref);
    const commit = repo.git.commits.get(request.body.sha);
    if (!commit) throw new HttpError(422, "Object does not exist");
    if (!request.body.force && !commit.parents.includes(current)) {
      throw new HttpError(422, "Update is not a fast forward");
    }
    repo.git.refs.set(ref, commit.sha);
    return {
      status: 200,
      body: { ref: `refs/${ref}`, object: { sha: commit.sha, type: "commit" } },
    };
  },
  "git/get-commit": (request) => {
    const commit = repoOf(request).git.commits.get(request.params.commit_sha ?? "");
    if (!commit) throw new HttpError(404, "Not Found");
    return {
      status: 200,
      body: {
        sha: commit.sha,
        message: commit.message,
        tree: { sha: commit.tree },
        parents: commit.parents.map((sha) => ({ sha })),
      },
    };
  },
  "git/create-commit": (request) => {
    const repo = repoOf(request);
    const { tree, parents = [], message } = request.body;
    if (!repo.git.trees.has(tree)) throw new HttpError(422, "Tree SHA does not exist");
    for (const parent of parents)
      if (!repo.git.commits.has(parent)) throw new HttpError(422, "Parent SHA does not exist");
    const sha = repo.git.putCommit({ tree, parents, message });
    return {
      status: 201,
      body: {
        sha,
        tree: { sha: tree },
        parents: parents.map((p: string) => ({ sha: p })),
        message,
      },
    };
  },
  "git/get-tree": (request) => {
    const repo = repoOf(request);
    const sha = treeOf(repo, request.params.tree_sha ?? "");
    const tree = repo.git.trees.get(sha) ?? new Map();
    const entries = [...tree].map(([path, entry]) => ({
      path,
      mode: entry.mode,
      type: "blob",
      sha: entry.sha,
    }));
    // GitHub answers with the resolved tree's own SHA, whatever tree-ish was asked for.
    return { status: 200, body: { sha, tree: entries, truncated: false } };
  },
  "git/create-tree": (request) => {
    const repo = repoOf(request);
    if (repo.git.refs.size === 0) throw new HttpError(409, "Git Repository is empty.");
    const base = request.body.base_tree ? repo.git.trees.get(request.body.base_tree) : new Map();
    if (!base) throw new HttpError(422, "base_tree is not a tree");
    const files = new Map(base);
    for (const entry of request.body.tree as {
      path: string;
      mode: string;
      sha?: string | null;
      content?: string;
    }[]) {
      if (entry.sha === null) files.delete(entry.path);
      else if (entry.content !== undefined)
        files.set(entry.path, { mode: entry.mode, sha: repo.git.putBlob(entry.content) });
      else if (entry.sha && repo.git.blobs.has(entry.sha))
        files.set(entry.path, { mode: entry.mode, sha: entry.sha });
      else throw new HttpError(422, `tree.sha ${entry.sha} is not a valid blob`);
    }
    return { status: 201, body: { sha: repo.git.putTree(files), tree: [], truncated: false } };
  },
  "git/create-blob": (request) => {
    const repo = repoOf(request);
    const { content, encoding = "utf-8" } = request.body;
    const text = encoding === "base64" ? Buffer.from(content, "base64").toString("utf8") : content;
    return { status: 201, body: { sha: repo.git.putBlob(text) } };
  },
  "actions/list-repo-secrets": (request) => {
    const names = [...repoOf(request).secrets.keys()];
    const secrets = names.map((name) => ({
      name,
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
    }));
    return { status: 200, body: { total_count: secrets.length, secrets } };
  },
  "actions/get-repo-public-key": (request) => {
    repoOf(request);
    return {
      status: 200,
      body: {
        key_id: request.keys.keyId,
        key: sodium.to_base64(request.keys.publicKey, sodium.base64_variants.ORIGINAL),
      },
    };
  },
  "actions/create-or-update-repo-secret": (request) => {
    const repo = repoOf(request);
    if (request.body.key_id !== request.keys.keyId)
      throw new HttpError(422, "key_id does not match");
    const sealed = sodium.from_base64(
      request.body.encrypted_value,
      sodium.base64_variants.ORIGINAL,
    );
    const opened = sodium.crypto_box_seal_open(
      sealed,
      request.keys.publicKey,
      request.keys.privateKey,
    );
    const name = request.params.secret_name ?? "";
    const existed = repo.secrets.has(name);
    repo.secrets.set(name, sodium.to_string(opened));
    return { status: existed ? 204 : 201, body: existed ? undefined : {} };
  },
  "issues/list-for-repo": (request) => {
    const repo = repoOf(request);
    const wanted = (request.query.get("labels") ?? "").split(",").filter(Boolean);
    const state = request.query.get("state") ?? "open";
    const issues = [...repo.issues.values()].filter(
      (issue) =>
        (state === "all" || issue.state === state) &&
        wanted.every((label) => issue.labels.includes(label)),
    );
    return { status: 200, body: issues.map((issue) => issueJson(repo, issue)) };
  },
  "issues/create": (request) => {
    const repo = repoOf(request);
    // As GitHub does: a label the repository lacks is made, with the default colour.
    for (const label of request.body.labels ?? []) {
      if (!repo.labels.has(label)) repo.labels.set(label, { color: "ededed", description: "" });
    }
    const issue = request.state.addIssue(repo, {
      title: request.body.title,
      body: request.body.body ?? "",
      labels: request.body.labels ?? [],
      user: request.state.appUser,
      performed_via_github_app: request.state.app,
    });
    return { status: 201, body: issueJson(repo, issue) };
  },
  "issues/update": (request) => {
    const { repo, issue } = issueOf(request);
    if (request.body.state) {
      if (request.body.state === "closed" && issue.state !== "closed") {
        issue.closedAt = new Date().toISOString();
      }
      issue.state = request.body.state;
    }
    if (request.body.body !== undefined) issue.body = request.body.body;
    return { status: 200, body: issueJson(repo, issue) };
  },
  "issues/list-comments": (request) => {
    const { repo, issue } = issueOf(request);
    return { status: 200, body: issue.comments.map((comment) => commentJson(repo, comment)) };
  },
  "issues/create-comment": (request) => {
    const { repo, issue } = issueOf(request);
    const comment = {
      id: request.state.id(),
      body: request.body.body,
      user: request.state.appUser,
      html_url: "",
      performed_via_github_app: request.state.app,
    };
    issue.comments.push(comment);
    return { status: 201, body: commentJson(repo, comment) };
  },
  "issues/update-comment": (request) => {
    const repo = repoOf(request);
    const id = Number(request.params.comment_id);
    for (const issue of repo.issues.values()) {
      const comment = issue.comments.find((c) => c.id === id);
      if (!comment) continue;
      comment.body = request.body.body;
      return { status: 200, body: commentJson(repo, comment) };
    }
    throw new HttpError(404, "Not Found");
  },
  "issues/add-labels": (request) => {
    const { repo, issue } = issueOf(request);
    const labels: string[] = Array.isArray(request.body) ? request.body : request.body.labels;
    for (const label of labels) if (!issue.labels.includes(label)) issue.labels.push(label);
    // GitHub creates a label it does not know yet, grey and without a description.
    for (const label of labels) {
      if (!repo.labels.has(label)) repo.labels.set(label, { color: "ededed", description: "" });
    }
    return { status: 200, body: issue.labels.map((name) => ({ name })) };
  },
  "issues/remove-label": (request) => {
    const { issue } = issueOf(request);
    const name = request.params.name ?? "";
    if (!issue.labels.includes(name)) throw new HttpError(404, "Label does not exist");
    issue.labels = issue.labels.filter((label) => label !== name);
    return { status: 200, body: issue.labels.map((label) => ({ name: label })) };
  },
  "pulls/list": (request) => {
    const repo = repoOf(request);
    const state = request.query.get("state") ?? "open";
    if (request.query.get("sort") !== "updated" || request.query.get("direction") !== "desc") {
      throw new HttpError(501, "the double lists pull requests newest update first only");
    }
    const pulls = [...repo.pulls.values()]
      .filter((pull) => state === "all" || pull.state === state)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return {
      status: 200,
      body: pulls.map((pull) => ({
        ...pullJson(repo, pull),
        updated_at: pull.updatedAt,
        closed_at: pull.state === "closed" ? pull.updatedAt : null,
      })),
    };
  },
  "pulls/list-files": (request) => {
    const files = repoOf(request).pullFiles.get(Number(request.params.pull_number)) ?? [];
    return {
      status: 200,
      body: files.map((file) => ({ sha: "0", ...file, additions: 1, deletions: 0, changes: 1 })),
    };
  },
  "repos/list-pull-requests-associated-with-commit": (request) => {
    const repo = repoOf(request);
    const sha = request.params.commit_sha;
    const pulls = [...repo.pulls.values()].filter(
      (pull) => pull.headSha === sha || pull.mergeCommitSha === sha,
    );
    return {
      status: 200,
      body: pulls.map((pull) => pullJson(repo, pull)),
    };
  },
  "checks/list-for-ref": (request) => {
    const name = request.query.get("check_name");
    const runs = repoOf(request).checkRuns.filter(
      (run) => run.head_sha === request.params.ref && (!name || run.name === name),
    );
    return { status: 200, body: { total_count: runs.length, check_runs: runs } };
  },
  "checks/create": (request) => {
    const run = { id: request.state.id(), ...request.body };
    repoOf(request).checkRuns.push(run);
    return { status: 201, body: run };
  },
  "checks/update": (request) => {
    const run = repoOf(request).checkRuns.find((r) => r.id === Number(request.params.check_run_id));
    if (!run) throw new HttpError(404, "Not Found");
    Object.assign(run, request.body);
    return { status: 200, body: run };
  },
  "repos/list-comments-for-commit": (request) => {
    const comments = repoOf(request).commitComments.filter(
      (c) => c.commit_id === request.params.commit_sha,
    );
    return { status: 200, body: comments };
  },
  "repos/create-commit-comment": (request) => {
    const comment = {
      id: request.state.id(),
      body: request.body.body,
      user: request.state.appUser,
      html_url: "",
      commit_id: request.params.commit_sha ?? "",
    };
    repoOf(request).commitComments.push(comment);
    return { status: 201, body: comment };
  },
  "repos/update-commit-comment": (request) => {
    const comment = repoOf(request).commitComments.find(
      (c) => c.id === Number(request.params.comment_id),
    );
    if (!comment) throw new HttpError(404, "Not Found");
    comment.body = request.body.body;
    return { status: 200, body: comment };
  },
};

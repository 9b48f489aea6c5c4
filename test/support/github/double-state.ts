import { GitStore } from "./git-store.js";

export interface User {
  login: string;
  type: "User" | "Bot" | "Organization";
}

export interface Comment {
  id: number;
  body: string;
  user: User;
  html_url: string;
  /** Set when a GitHub App wrote it (GitHub's `performed_via_github_app`). */
  performed_via_github_app?: { id: number; slug: string } | null;
  /** Reactions on the comment: content -> logins. */
  reactions?: Map<string, Set<string>>;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  user: User;
  labels: string[];
  state: "open" | "closed";
  /** When it was last closed; kept when reopened, as GitHub does. */
  closedAt?: string;
  comments: Comment[];
  performed_via_github_app?: { id: number; slug: string } | null;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: {
    title: string;
    summary: string;
    annotations?: { path: string; start_line: number; title: string; message: string }[];
  };
}

export interface WorkflowJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  steps: { name: string; number: number; status: string; conclusion: string | null }[];
}

/** A GitHub Actions run of the repository (the deploy tests script its life cycle). */
export interface WorkflowRun {
  id: number;
  run_number: number;
  run_attempt: number;
  path: string;
  event: string;
  head_branch: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  jobs: WorkflowJob[];
}

/** A GitHub Deployment and the statuses posted on it (newest last). */
export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string;
  creator: User;
  created_at: string;
  statuses: { state: string; description: string; creator: User }[];
}

/** A pull request as the double keeps it (its conversation lives in `issues`, under the
 * same number, as on GitHub). */
export interface PullRequest {
  number: number;
  user: User;
  headSha: string;
  base: string;
  state: "open" | "closed";
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** GitHub's `updated_at`: the closed list is sorted by it. */
  updatedAt: string;
}

export interface HookDelivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  status_code: number;
  redelivery: boolean;
  delivered_at: string;
}

export interface Repo {
  /** GitHub's numeric id: a repository deleted and created again under the same name gets a
   * new one. */
  id: number;
  createdAt: string;
  owner: string;
  name: string;
  defaultBranch: string;
  description: string;
  visibility: string;
  git: GitStore;
  /** Decrypted values: the double opens each sealed box with the repository's private key. */
  secrets: Map<string, string>;
  issues: Map<number, Issue>;
  collaborators: Map<string, string>;
  pullFiles: Map<number, { filename: string; status: string }[]>;
  pulls: Map<number, PullRequest>;
  checkRuns: CheckRun[];
  commitComments: (Comment & { commit_id: string })[];
  createdByApp: boolean;
  /** The repository's homepage URL (the app sets it to the request that created it). */
  homepage: string;
  workflowRuns: WorkflowRun[];
  deployments: Deployment[];
  /** Labels the repository has (GitHub drops an issue form's label that is not here). */
  labels: Map<string, { color: string; description: string }>;
  /** Teams given a role on the repository: slug -> permission. */
  teams: Map<string, string>;
}

/** Everything the double knows; tests arrange it directly and assert on it. */
export class DoubleState {
  readonly repos = new Map<string, Repo>();
  readonly accounts = new Map<string, User["type"]>();
  /** Organisation members: added to a repository at once, where others are invited. */
  readonly members = new Set<string>();
  /** Invitations sent: "owner/repo" -> login -> permission. */
  readonly invitations = new Map<string, Map<string, string>>();
  /** A fixed clock for what GitHub timestamps (deployments). */
  now = () => new Date("2026-11-30T12:00:00Z");
  /** "org/team" -> active member logins. */
  readonly teams = new Map<string, Set<string>>();
  readonly appUser: User = { login: "devportal[bot]", type: "Bot" };
  /** The app's webhook deliveries as GitHub lists them (`GET /app/hook/deliveries`), newest
   * first; a redelivery request appends its attempt. */
  readonly hookDeliveries: HookDelivery[] = [];
  /** The app the tests run as (Probot's appId in the harness): GET /app answers it, and the
   * double marks what the app writes with it, as GitHub does. */
  readonly app = { id: 1, slug: "devportal" };
  /** Organisation setting: the default branch of repositories created there (GitHub: main). */
  readonly orgDefaultBranch = new Map<string, string>();
  nextId = 1000;

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  addRepo(params: {
    owner: string;
    name: string;
    files?: Record<string, string>;
    defaultBranch?: string;
    empty?: boolean;
    createdByApp?: boolean;
    description?: string;
    visibility?: string;
    homepage?: string;
    /** ISO time; repositories arranged by tests are old unless said otherwise. */
    createdAt?: string;
  }): Repo {
    const repo: Repo = {
      id: this.id(),
      createdAt: params.createdAt ?? "2024-01-02T03:04:05Z",
      owner: params.owner,
      name: params.name,
      defaultBranch: params.defaultBranch ?? "main",
      description: params.description ?? "",
      visibility: params.visibility ?? "private",
      git: new GitStore(),
      secrets: new Map(),
      issues: new Map(),
      collaborators: new Map(),
      pullFiles: new Map(),
      pulls: new Map(),
      checkRuns: [],
      commitComments: [],
      createdByApp: params.createdByApp ?? false,
      homepage: params.homepage ?? "",
      workflowRuns: [],
      deployments: [],
      labels: new Map(),
      teams: new Map(),
    };
    if (!params.empty)
      this.commitFiles(
        repo,
        params.files ?? { "README.md": `# ${params.name}\n` },
        "Initial commit",
      );
    this.repos.set(`${params.owner}/${params.name}`.toLowerCase(), repo);
    if (!this.accounts.has(params.owner)) this.accounts.set(params.owner, "Organization");
    return repo;
  }

  /** Commit files on the default branch, as a person pushing would. */
  commitFiles(repo: Repo, files: Record<string, string>, message: string): string {
    const { git } = repo;
    const tree = git.filesAt(repo.defaultBranch);
    for (const [path, content] of Object.entries(files)) {
      tree.set(path, { mode: "100644", sha: git.putBlob(content) });
    }
    const head = git.refs.get(`heads/${repo.defaultBranch}`);
    const sha = git.putCommit({ tree: git.putTree(tree), parents: head ? [head] : [], message });
    git.refs.set(`heads/${repo.defaultBranch}`, sha);
    return sha;
  }

  /** A commit on `branch` (created from the default branch when new), as a person pushing
   * to a pull request's branch would make it. */
  commitOnBranch(
    repo: Repo,
    branch: string,
    files: Record<string, string>,
    message: string,
  ): string {
    const { git } = repo;
    const from = git.refs.has(`heads/${branch}`) ? branch : repo.defaultBranch;
    const tree = git.filesAt(from);
    for (const [path, content] of Object.entries(files)) {
      tree.set(path, { mode: "100644", sha: git.putBlob(content) });
    }
    const head = git.refs.get(`heads/${from}`);
    const sha = git.putCommit({ tree: git.putTree(tree), parents: head ? [head] : [], message });
    git.refs.set(`heads/${branch}`, sha);
    return sha;
  }

  /** An open pull request changing `files` (paths only; their content is at `headSha`). */
  addPullRequest(
    repo: Repo,
    params: { number: number; user: User; headSha: string; files: string[] },
  ): PullRequest {
    const pull: PullRequest = {
      number: params.number,
      user: params.user,
      headSha: params.headSha,
      base: repo.defaultBranch,
      state: "open",
      mergedAt: null,
      mergeCommitSha: null,
      updatedAt: "2026-11-30T11:00:00Z",
    };
    repo.pulls.set(pull.number, pull);
    repo.pullFiles.set(
      pull.number,
      params.files.map((filename) => ({ filename, status: "added" })),
    );
    this.addIssue(repo, {
      number: pull.number,
      title: `Pull request #${pull.number}`,
      body: "",
      labels: [],
      user: params.user,
    });
    return pull;
  }

  /** Merge a pull request (squash): its files land on the default branch in one commit. */
  mergePullRequest(repo: Repo, number: number): string {
    const pull = repo.pulls.get(number);
    if (!pull) throw new Error(`no pull request #${number}`);
    const files = repo.git.read(pull.headSha);
    const changed = Object.fromEntries(
      (repo.pullFiles.get(number) ?? []).map((file) => [file.filename, files[file.filename] ?? ""]),
    );
    const sha = this.commitFiles(repo, changed, `Merge pull request #${number}`);
    pull.state = "closed";
    pull.mergedAt = "2026-11-30T12:00:00Z";
    pull.mergeCommitSha = sha;
    pull.updatedAt = pull.mergedAt;
    const issue = repo.issues.get(number);
    if (issue) issue.state = "closed";
    return sha;
  }

  addIssue(
    repo: Repo,
    params: {
      title: string;
      body: string;
      labels: string[];
      user: User;
      number?: number;
      performed_via_github_app?: { id: number; slug: string } | null;
    },
  ): Issue {
    const issue: Issue = {
      number: params.number ?? repo.issues.size + 1,
      title: params.title,
      body: params.body,
      user: params.user,
      labels: [...params.labels],
      state: "open",
      comments: [],
      performed_via_github_app: params.performed_via_github_app ?? null,
    };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }
}

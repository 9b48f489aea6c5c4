/** Repositories: create, read, files, commits compared, collaborators, commit comments, and the
 * portal settings read through Probot's config API. */

import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

export interface RepositoryInfo {
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
  /** The homepage URL ("" when unset): the app points it at the request that created it. */
  homepage: string;
}

/** The repository, or undefined when it does not exist (or the installation cannot see it). */
export async function getRepository(
  octokit: Octokit,
  params: RepoParams,
): Promise<RepositoryInfo | undefined> {
  const response = await orNotFound(() => octokit.rest.repos.get(params));
  if (!response) return undefined;
  const { full_name, html_url, default_branch, homepage } = response.data;
  return {
    fullName: full_name,
    htmlUrl: html_url,
    defaultBranch: default_branch,
    homepage: homepage ?? "",
  };
}

/**
 * Create a repository in an organisation with the installation token. `auto_init` gives it a
 * first commit, because the Git Data API refuses empty repositories (409) and the portal
 * writes every file in one tree + commit on top of it.
 */
export async function createOrgRepository(
  octokit: Octokit,
  params: {
    org: string;
    name: string;
    description: string;
    visibility: "private" | "internal" | "public";
    /** Where the repository was asked for (the request's URL): GitHub shows it beside the
     * description, and it tells a request whose repository this is before any commit. */
    homepage: string;
  },
): Promise<RepositoryInfo> {
  const { data } = await octokit.rest.repos.createInOrg({
    org: params.org,
    name: params.name,
    description: params.description,
    // "internal" exists only in enterprise organisations, which api.github.com's description
    // (and so Octokit's types) leave out; GitHub refuses it elsewhere with a clear 422.
    visibility: params.visibility as "private" | "public",
    homepage: params.homepage,
    auto_init: true,
    has_wiki: false,
  });
  return {
    fullName: data.full_name,
    htmlUrl: data.html_url,
    defaultBranch: data.default_branch,
    homepage: data.homepage ?? params.homepage,
  };
}

/**
 * Give a repository without commits its first one. The Git Data API refuses empty
 * repositories (409), and a user who creates the repository for a personal account may not
 * tick "Add a README"; the Contents API works on empty repositories. The README is replaced
 * by the generated one in the next commit.
 */
export async function initEmptyRepository(
  octokit: Octokit,
  params: RepoParams & { branch: string; message: string },
): Promise<void> {
  await octokit.rest.repos.createOrUpdateFileContents({
    owner: params.owner,
    repo: params.repo,
    branch: params.branch,
    path: "README.md",
    message: params.message,
    content: Buffer.from(`# ${params.repo}\n`).toString("base64"),
  });
}

/** A file's text at `ref` (default branch when absent); undefined when there is no such file. */
export async function readFile(
  octokit: Octokit,
  params: RepoParams & { path: string; ref?: string },
): Promise<string | undefined> {
  const response = await orNotFound(() => octokit.rest.repos.getContent(params));
  const data = response?.data;
  if (!data || Array.isArray(data) || data.type !== "file" || !("content" in data))
    return undefined;
  return Buffer.from(data.content, "base64").toString("utf8");
}

/** Where portal settings live, relative to the request repository and the org's `.github`. */
export const SETTINGS_PATH = ".github/devportal.yml";

export interface SettingsLookup {
  /** The merged settings document, or null when neither repository holds one. */
  raw: Record<string, unknown> | null;
  /** True when the repository itself holds `.github/devportal.yml`: it is a request
   * repository, whose pushes may be requests. The org fallback alone does not make one. */
  own: boolean;
}

/**
 * Read the settings as Probot's `context.config` does (the repository's default branch,
 * then the organisation's `.github` repository, `_extends` honoured), keeping track of
 * whether the repository holds its own file.
 */
export async function readPortalSettings(
  octokit: Octokit,
  params: RepoParams,
): Promise<SettingsLookup> {
  const { config, files } = await octokit.config.get({ ...params, path: SETTINGS_PATH });
  const found = files.some((file) => file.config !== null);
  return {
    raw: found ? (config as Record<string, unknown>) : null,
    own: files[0]?.config !== null && files[0]?.config !== undefined,
  };
}

/** How `head` relates to `base`, as GitHub's compare API says it. */
export type CommitRelation = "ahead" | "behind" | "identical" | "diverged";

/**
 * Where `head` stands relative to `base` in the repository's history, or undefined when
 * GitHub knows no such commit (404). `per_page: 1` because only the status matters: the
 * commit list and the files of a large comparison would be downloaded for nothing.
 */
export async function compareCommits(
  octokit: Octokit,
  params: RepoParams & { base: string; head: string },
): Promise<CommitRelation | undefined> {
  const response = await orNotFound(() =>
    octokit.rest.repos.compareCommitsWithBasehead({
      owner: params.owner,
      repo: params.repo,
      basehead: `${params.base}...${params.head}`,
      per_page: 1,
    }),
  );
  return response?.data.status;
}

/** The user's role on the repository (admin, maintain, write, triage, read) or "none". */
export async function getCollaboratorRole(
  octokit: Octokit,
  params: RepoParams & { username: string },
): Promise<string> {
  const response = await orNotFound(() =>
    octokit.rest.repos.getCollaboratorPermissionLevel(params),
  );
  // role_name distinguishes maintain and triage, which the legacy `permission` folds away.
  return response?.data.role_name ?? response?.data.permission ?? "none";
}

/** Comment on a commit once: a comment carrying `marker` by a bot is edited, not repeated. */
export async function upsertCommitComment(
  octokit: Octokit,
  params: RepoParams & { sha: string; marker: string; body: string },
): Promise<void> {
  const { owner, repo, sha, body } = params;
  const comments = await octokit.paginate(octokit.rest.repos.listCommentsForCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const existing = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body.includes(params.marker),
  );
  if (existing?.body === body) return;
  if (existing) {
    await octokit.rest.repos.updateCommitComment({ owner, repo, comment_id: existing.id, body });
    return;
  }
  await octokit.rest.repos.createCommitComment({ owner, repo, commit_sha: sha, body });
}

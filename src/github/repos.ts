/** Repositories: create, read, files, commits compared, collaborators, commit comments. */

import { type AppIdentity, isAppAuthor } from "./app-identity.js";
import { NO_RETRY, type Octokit, orNotFound, type RepoParams } from "./octokit.js";

export interface RepositoryInfo {
  /** GitHub's id: a repository deleted and created again under the name gets a new one. */
  id: number;
  fullName: string;
  htmlUrl: string;
  defaultBranch: string;
  description: string;
  /** ISO time of creation. */
  createdAt: string;
  /** The homepage URL ("" when unset): the app points it at the request that created it. */
  homepage: string;
}

type RepositoryData = {
  id: number;
  full_name: string;
  html_url: string;
  default_branch: string;
  description: string | null;
  created_at?: string | null;
  homepage?: string | null;
};

function repositoryInfo(data: RepositoryData): RepositoryInfo {
  return {
    id: data.id,
    fullName: data.full_name,
    htmlUrl: data.html_url,
    defaultBranch: data.default_branch,
    description: data.description ?? "",
    createdAt: data.created_at ?? "",
    homepage: data.homepage ?? "",
  };
}

/** The repository, or undefined when it does not exist (or the installation cannot see it). */
export async function getRepository(
  octokit: Octokit,
  params: RepoParams,
): Promise<RepositoryInfo | undefined> {
  const response = await orNotFound(() => octokit.rest.repos.get(params));
  return response ? repositoryInfo(response.data) : undefined;
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
  return { ...repositoryInfo(data), homepage: data.homepage ?? params.homepage };
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

/** Comment on a commit once: the app's own comment carrying `marker` is edited, not
 * repeated (anyone else's comment with the marker is not the app's). */
export async function upsertCommitComment(
  octokit: Octokit,
  params: RepoParams & { sha: string; marker: string; body: string; app: AppIdentity },
): Promise<void> {
  const { owner, repo, sha, body } = params;
  const comments = await octokit.paginate(octokit.rest.repos.listCommentsForCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const existing = comments.find(
    (comment) => isAppAuthor(params.app, comment) && comment.body.includes(params.marker),
  );
  if (existing?.body === body) return;
  if (existing) {
    await octokit.rest.repos.updateCommitComment({ owner, repo, comment_id: existing.id, body });
    return;
  }
  // A retried create after a lost answer would post a second comment.
  await octokit.rest.repos.createCommitComment({
    owner,
    repo,
    commit_sha: sha,
    body,
    request: NO_RETRY,
  });
}

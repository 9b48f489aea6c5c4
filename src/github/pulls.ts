/** Pull requests. */

import type { Authored } from "./app-identity.js";
import type { Octokit, RepoParams } from "./octokit.js";

export interface MergedPullRequest {
  number: number;
  author: string;
  labels: string[];
}

/**
 * The pull request whose merge made commit `sha` on `base`, if any: GitHub lists the pull
 * requests associated with a commit, and only one merged into `base` with `sha` as its merge
 * commit (merge, squash or the last commit of a rebase) made it. A commit pushed directly, or
 * one that only sits on a pull request's branch, has none.
 */
export async function findMergedPullRequest(
  octokit: Octokit,
  params: RepoParams & { sha: string; base: string },
): Promise<MergedPullRequest | undefined> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: params.owner,
    repo: params.repo,
    commit_sha: params.sha,
    per_page: 100,
  });
  const merged = data.find(
    (pull) =>
      pull.merged_at !== null &&
      pull.merge_commit_sha === params.sha &&
      pull.base.ref === params.base,
  );
  if (!merged) return undefined;
  return {
    number: merged.number,
    author: merged.user?.login ?? "",
    labels: (merged.labels ?? []).map((label) => label.name),
  };
}

/** Paths a pull request adds or changes (removed files are not requests). */
export async function listPullRequestFiles(
  octokit: Octokit,
  params: RepoParams & { pull: number },
): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pull,
    per_page: 100,
  });
  return files.filter((file) => file.status !== "removed").map((file) => file.filename);
}

export interface RecentlyMerged {
  number: number;
  /** As GitHub gives it: whether the app wrote it is decided with its identity. */
  author: Authored;
}

/**
 * The merged pull requests of a repository updated since `since`, newest first. GitHub sorts
 * closed pull requests by their last update, so reading stops at the first older one: one
 * list call per repository in the usual case, however long its history.
 */
export async function listRecentlyMergedPullRequests(
  octokit: Octokit,
  params: RepoParams & { since: Date },
): Promise<RecentlyMerged[]> {
  const found: RecentlyMerged[] = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner: params.owner,
    repo: params.repo,
    state: "closed",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  })) {
    for (const pull of data) {
      if (new Date(pull.updated_at) < params.since) return found;
      if (pull.merged_at === null) continue;
      found.push({
        number: pull.number,
        author: { user: pull.user ? { login: pull.user.login, type: pull.user.type } : null },
      });
    }
  }
  return found;
}

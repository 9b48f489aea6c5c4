/** Issues, their comments and labels, and the files of a pull request. */

import { type AppIdentity, type Authored, isAppAuthor } from "./app-identity.js";
import { NO_RETRY, type Octokit, orNotFound, type RepoParams } from "./octokit.js";

export async function createIssue(
  octokit: Octokit,
  params: RepoParams & { title: string; body: string; labels: string[] },
): Promise<{ number: number; labels: string[] }> {
  // A retried create after a lost answer would open a second issue.
  const { data } = await octokit.rest.issues.create({ ...params, request: NO_RETRY });
  return { number: data.number, labels: params.labels };
}

export interface IssueState {
  number: number;
  state: "open" | "closed";
  labels: string[];
}

/** An issue's state and labels (what a report changes), or undefined when it is gone. */
export async function getIssue(
  octokit: Octokit,
  params: RepoParams & { issue: number },
): Promise<IssueState | undefined> {
  const response = await orNotFound(() =>
    octokit.rest.issues.get({ owner: params.owner, repo: params.repo, issue_number: params.issue }),
  );
  if (!response) return undefined;
  const { data } = response;
  return {
    number: data.number,
    state: data.state === "closed" ? "closed" : "open",
    labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
  };
}

/** Close an issue as done ("completed", not "not planned": the request was fulfilled), or
 * open it again when something about the request needs a person again. */
export async function setIssueState(
  octokit: Octokit,
  params: RepoParams & { issue: number; state: "open" | "closed" },
): Promise<void> {
  await octokit.rest.issues.update({
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issue,
    state: params.state,
    ...(params.state === "closed" ? { state_reason: "completed" as const } : {}),
  });
}

/** An issue (open or closed) with `label` whose body carries `marker`, opened by this app. */
export async function findAppIssue(
  octokit: Octokit,
  params: RepoParams & { label: string; marker: string; app: AppIdentity },
): Promise<{ number: number; labels: string[] } | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: params.owner,
    repo: params.repo,
    labels: params.label,
    state: "all",
    per_page: 100,
  });
  const found = issues.find(
    (issue) => isAppAuthor(params.app, issue) && issue.body?.includes(params.marker),
  );
  if (!found) return undefined;
  const labels = found.labels.map((label) =>
    typeof label === "string" ? label : (label.name ?? ""),
  );
  return { number: found.number, labels };
}

export interface FoundComment {
  id: number;
  body: string;
  htmlUrl: string;
}

/**
 * The first comment on an issue that carries `marker` and was written by this app. Checking
 * the author keeps a person, or another app, who pastes the marker from hijacking the app's
 * state.
 */
export async function findAppComment(
  octokit: Octokit,
  params: RepoParams & { issue: number; marker: string; app: AppIdentity },
): Promise<FoundComment | undefined> {
  return (await listAppComments(octokit, params))[0];
}

/** Every comment on an issue or pull request that carries `marker` and was written by this
 * app, oldest first. */
export async function listAppComments(
  octokit: Octokit,
  params: RepoParams & { issue: number; marker: string; app: AppIdentity },
): Promise<FoundComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issue,
    per_page: 100,
  });
  return comments
    .filter((comment) => isAppAuthor(params.app, comment) && comment.body?.includes(params.marker))
    .map((comment) => ({ id: comment.id, body: comment.body ?? "", htmlUrl: comment.html_url }));
}

/**
 * Edit `existing` in place when given (and changed), otherwise create the comment: one
 * comment per request, however often it is reported on. The caller finds `existing` by
 * its marker, usually once per run.
 */
export async function upsertComment(
  octokit: Octokit,
  params: RepoParams & { issue: number; body: string; existing?: FoundComment },
): Promise<FoundComment> {
  const { owner, repo, body, existing } = params;
  if (existing) {
    if (existing.body === body) return existing;
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body,
    });
    return { id: data.id, body: data.body ?? body, htmlUrl: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: params.issue,
    body,
    // A retried create after a lost answer would post a second comment.
    request: NO_RETRY,
  });
  return { id: data.id, body: data.body ?? body, htmlUrl: data.html_url };
}

/** React to a comment (GitHub keeps one reaction per content and author: a redelivery adds
 * nothing). */
export async function addCommentReaction(
  octokit: Octokit,
  params: RepoParams & { commentId: number; content: "eyes" | "+1" | "-1" | "confused" },
): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
    content: params.content,
  });
}

/** A new comment: the only kind of write on an issue that notifies the people it mentions. */
export async function createComment(
  octokit: Octokit,
  params: RepoParams & { issue: number; body: string },
): Promise<void> {
  await octokit.rest.issues.createComment({
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issue,
    body: params.body,
  });
}

export interface OpenIssue {
  number: number;
  body: string | null;
  labels: string[];
  /** As GitHub gives it: whether the app wrote it is decided with its identity. */
  author: Authored;
  /** Closed once and reopened since (GitHub keeps `closed_at` on a reopened issue). */
  closedBefore: boolean;
}

/** Open issues (not pull requests) of a repository carrying `label`. */
export async function listOpenIssues(
  octokit: Octokit,
  params: RepoParams & { label: string },
): Promise<OpenIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: params.owner,
    repo: params.repo,
    labels: params.label,
    state: "open",
    per_page: 100,
  });
  return issues
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({
      number: issue.number,
      body: issue.body ?? null,
      labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      author: {
        user: issue.user ? { login: issue.user.login, type: issue.user.type } : null,
        performed_via_github_app: issue.performed_via_github_app
          ? { id: issue.performed_via_github_app.id }
          : null,
      },
      closedBefore: Boolean(issue.closed_at),
    }));
}

import { expect } from "vitest";
import { REQUEST_RECORD_PATH } from "../../../src/render/repository-a/request-record.js";
import { repositoryMark } from "../../../src/services/provision/repository-marker.js";
import type { Repo } from "../../support/github/double-state.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { moveTo, type Payload, recordedPayload } from "../../support/github/payloads.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { ORG, REQUEST_FILE, REQUESTER, REQUESTS } from "../../support/github/scenario.js";

/** The key the hostile tests' app marks its repositories with (tests may forge with it to
 * show what a mark binds). */
export const MARK_KEY = "hostile-tests-mark-key";

export type Receive = ReturnType<typeof createTestProbot>["receive"];

export function hostileProbot(env: Record<string, string> = {}) {
  return createTestProbot({
    markKey: MARK_KEY,
    env: { DEVPORTAL_SECRET_REGISTRY_PASSWORD: "s3cr3t-registry-value", ...env },
  });
}

/**
 * Every write the app made, as `<operationId> <owner/repo>` (the installation token excluded):
 * a hostile case asserts this list exactly, so anything written outside the expected
 * feedback fails it.
 */
export function writeLog(double: GitHubDouble): string[] {
  return double
    .writes()
    .filter((call) => call.operationId !== "apps/create-installation-access-token")
    .map((call) => `${call.operationId} ${targetOf(call.path)}`);
}

function targetOf(path: string): string {
  const repos = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
  if (repos) return `${repos[1]}/${repos[2]}`;
  const orgs = /^\/orgs\/([^/]+)/.exec(path);
  return orgs ? (orgs[1] ?? path) : path;
}

/** The feedback a refused form request gets: one status comment and its
 * outcome label, and the short comment that mentions the requester. */
export const STATUS_ONLY = [
  `issues/create-comment ${ORG}/${REQUESTS}`,
  `issues/add-labels ${ORG}/${REQUESTS}`,
  `issues/create-comment ${ORG}/${REQUESTS}`,
];

/** The feedback of a request refused at Repository_A: "creating…", then the failure and
 * the comment that mentions the requester. */
export const REFUSED_AT_REPOSITORY = [
  `issues/create-comment ${ORG}/${REQUESTS}`,
  `issues/add-labels ${ORG}/${REQUESTS}`,
  `issues/update-comment ${ORG}/${REQUESTS}`,
  `issues/add-labels ${ORG}/${REQUESTS}`,
  `issues/remove-label ${ORG}/${REQUESTS}`,
  `issues/create-comment ${ORG}/${REQUESTS}`,
];

/** A request file refused: the issue that tracks it, its status and the
 * requester's mention, the commit comment. */
export const FILE_STATUS_ONLY = [
  `issues/create ${ORG}/${REQUESTS}`,
  `issues/create-comment ${ORG}/${REQUESTS}`,
  `issues/add-labels ${ORG}/${REQUESTS}`,
  `issues/create-comment ${ORG}/${REQUESTS}`,
  `repos/create-commit-comment ${ORG}/${REQUESTS}`,
];

/** A command answered: the 👀 reaction and one reply. */
export const REACTED_AND_REPLIED = [
  `reactions/create-for-issue-comment ${ORG}/${REQUESTS}`,
  `issues/create-comment ${ORG}/${REQUESTS}`,
];

/** A complete provisioning of orders-api. */
export const PROVISIONED = [
  `issues/create-comment ${ORG}/${REQUESTS}`,
  `issues/add-labels ${ORG}/${REQUESTS}`,
  `repos/create-in-org ${ORG}`,
  `repos/add-collaborator ${ORG}/orders-api`,
  `actions/create-or-update-repo-secret ${ORG}/orders-api`,
  `git/create-tree ${ORG}/orders-api`,
  `git/create-commit ${ORG}/orders-api`,
  `git/update-ref ${ORG}/orders-api`,
  `issues/update-comment ${ORG}/${REQUESTS}`,
];

/** The app's status comment on a request issue (by the app's bot, with the marker). */
export function statusOf(double: GitHubDouble, number = 7, repo = REQUESTS): string {
  const issue = double.state.repo(ORG, repo)?.issues.get(number);
  const mine = issue?.comments.filter(
    (comment) =>
      comment.user.login === "devportal[bot]" && comment.body.includes("devportal:status"),
  );
  return mine?.[0]?.body ?? "";
}

/** The app's answer to a command. */
export function replyOf(double: GitHubDouble, number = 7): string {
  const issue = double.state.repo(ORG, REQUESTS)?.issues.get(number);
  const mine = issue?.comments.filter(
    (comment) =>
      comment.user.login === "devportal[bot]" && comment.body.includes("devportal:reply"),
  );
  return mine?.[0]?.body ?? "";
}

/** The `devportal / plan` check's summary and conclusion. */
export function checkOf(double: GitHubDouble, repo = REQUESTS): string {
  const run = double.state.repo(ORG, repo)?.checkRuns[0];
  return run ? `${run.conclusion}: ${run.output?.summary ?? ""}` : "";
}

/** Markdown as the status shows it: backslash escapes removed, for readable assertions. */
export function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** A recorded push adding `files` to `repo`'s default branch (committed in the double). */
export function pushFiles(
  double: GitHubDouble,
  params: { repo: string; files: Record<string, string>; sender?: string },
): Payload {
  const repo = double.state.repo(ORG, params.repo);
  if (!repo) throw new Error(`no repository ${params.repo}`);
  const sha = double.state.commitFiles(repo, params.files, "push");
  return recordedPayload("push", undefined, (payload) => {
    moveTo(payload, { owner: ORG, repo: params.repo, sender: params.sender ?? REQUESTER });
    payload.ref = "refs/heads/main";
    payload.after = sha;
    payload.deleted = false;
    payload.commits = [{ id: sha, added: Object.keys(params.files), modified: [], removed: [] }];
  });
}

/** The request file with `change` applied to its text. */
export function requestFile(change: (text: string) => string = (text) => text): string {
  return change(REQUEST_FILE);
}

/** A recorded pull_request.opened whose head commits `files` in `repo`. */
export function pullRequest(
  double: GitHubDouble,
  params: { repo: string; files: Record<string, string>; sender?: string },
): Payload {
  const repo = double.state.repo(ORG, params.repo);
  if (!repo) throw new Error(`no repository ${params.repo}`);
  const sha = double.state.commitFiles(repo, params.files, "PR head");
  double.state.addPullRequest(repo, {
    number: 3,
    user: { login: params.sender ?? REQUESTER, type: "User" },
    headSha: sha,
    files: Object.keys(params.files),
  });
  return recordedPayload("pull_request", "opened", (payload) => {
    moveTo(payload, { owner: ORG, repo: params.repo, sender: params.sender ?? REQUESTER });
    payload.number = 3;
    payload.pull_request.number = 3;
    payload.pull_request.head.sha = sha;
  });
}

/** A form issue or comment payload for another repository than `requests`. */
export function issueIn(
  double: GitHubDouble,
  params: { repo: string; body: string; sender?: string },
): Payload {
  const repo = double.state.repo(ORG, params.repo);
  if (!repo) throw new Error(`no repository ${params.repo}`);
  const sender = params.sender ?? REQUESTER;
  double.state.addIssue(repo, {
    number: 1,
    title: "New service",
    body: params.body,
    labels: ["devportal:request"],
    user: { login: sender, type: "User" },
  });
  return recordedPayload("issues", "opened", (payload) => {
    moveTo(payload, { owner: ORG, repo: params.repo, sender });
    payload.issue.number = 1;
    payload.issue.body = params.body;
    payload.issue.user.login = sender;
    payload.issue.user.type = "User";
    payload.issue.labels = [{ id: 1, name: "devportal:request" }];
  });
}

/** A repository holding a request record (copied, forged or the app's own). */
export function repoWithRecord(
  double: GitHubDouble,
  params: { name: string; record: string; description?: string },
): Repo {
  return double.state.addRepo({
    owner: ORG,
    name: params.name,
    files: { "README.md": `# ${params.name}\n`, [REQUEST_RECORD_PATH]: params.record },
    ...(params.description !== undefined ? { description: params.description } : {}),
  });
}

/** The mark the app would set on `name` for the form request #`issue`. */
export function markFor(name: string, issue = 7): string {
  return repositoryMark({
    key: MARK_KEY,
    fullName: `${ORG}/${name}`,
    origin: { repository: `${ORG}/${REQUESTS}`, kind: "issue", issue },
  });
}

/** Assert the exact write list. */
export function expectWrites(double: GitHubDouble, expected: readonly string[]): void {
  expect(writeLog(double)).toEqual(expected);
}

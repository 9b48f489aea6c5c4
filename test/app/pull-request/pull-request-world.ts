import type { GitHubDouble } from "../../support/github/github-double.js";
import { moveTo, type Payload, recordedPayload } from "../../support/github/payloads.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { ORG, REQUEST_FILE, REQUESTER, REQUESTS } from "../../support/github/scenario.js";

export const ORDERS = "services/orders-api.devportal.yml";
export const BILLING = "services/billing-api.devportal.yml";
export const BILLING_FILE = REQUEST_FILE.replace(
  "service: orders-api",
  "service: billing-api",
).replace("orders.example.com", "billing.example.com");

/** The request repository of the scenario. */
export function requestsOf(double: GitHubDouble) {
  const requests = double.state.repo(ORG, REQUESTS);
  if (!requests) throw new Error("arrangeOrg first");
  return requests;
}

/** A member opens pull request `number` on branch `branch` with `files` (path -> text). */
export function openPull(
  double: GitHubDouble,
  params: { number: number; branch: string; files: Record<string, string>; author?: string },
) {
  const requests = requestsOf(double);
  const sha = double.state.commitOnBranch(requests, params.branch, params.files, "Ask");
  double.state.addPullRequest(requests, {
    number: params.number,
    user: { login: params.author ?? REQUESTER, type: "User" },
    headSha: sha,
    files: Object.keys(params.files),
  });
  return sha;
}

/** A new push to the pull request's branch. */
export function pushToPull(
  double: GitHubDouble,
  params: { number: number; branch: string; files: Record<string, string> },
): string {
  const requests = requestsOf(double);
  const sha = double.state.commitOnBranch(requests, params.branch, params.files, "Fix");
  const pull = requests.pulls.get(params.number);
  if (!pull) throw new Error("no such pull request");
  pull.headSha = sha;
  return sha;
}

/** The recorded `pull_request` payload of `action`, moved onto pull request `number`. */
export function pullPayload(params: {
  action: "opened" | "synchronize" | "reopened" | "ready_for_review" | "closed";
  number: number;
  sha: string;
  sender?: string;
  fork?: boolean;
  draft?: boolean;
}): Payload {
  return recordedPayload("pull_request", params.action, (payload) => {
    moveTo(payload, { owner: ORG, repo: REQUESTS, sender: params.sender ?? REQUESTER });
    payload.repository.id = 5000;
    payload.number = params.number;
    payload.pull_request.number = params.number;
    payload.pull_request.state = params.action === "closed" ? "closed" : "open";
    payload.pull_request.draft = params.draft ?? false;
    payload.pull_request.user.login = params.sender ?? REQUESTER;
    payload.pull_request.head.sha = params.sha;
    payload.pull_request.head.repo = {
      ...payload.repository,
      id: params.fork ? 6000 : 5000,
      full_name: params.fork ? `${params.sender ?? REQUESTER}/${REQUESTS}` : `${ORG}/${REQUESTS}`,
    };
  });
}

/** A recorded push of `sha` to the default branch, changing `paths`. */
export function pushPayload(params: { sha: string; paths: string[]; sender?: string }): Payload {
  return recordedPayload("push", undefined, (payload) => {
    moveTo(payload, { owner: ORG, repo: REQUESTS, sender: params.sender ?? REQUESTER });
    payload.ref = "refs/heads/main";
    payload.after = params.sha;
    payload.deleted = false;
    payload.commits = [{ id: params.sha, added: params.paths, modified: [], removed: [] }];
  });
}

/** The app's comments on issue or pull request `number`. */
export function appComments(double: GitHubDouble, number: number) {
  const issue = requestsOf(double).issues.get(number);
  return (issue?.comments ?? []).filter((comment) => comment.user.type === "Bot");
}

/** The app's writes since the double had seen `from` writes, by operation (the installation
 * token aside): exact lists, so a write made twice shows. */
export function writesAfter(double: GitHubDouble, from: number): string[] {
  return double
    .writes()
    .slice(from)
    .map((call) => call.operationId)
    .filter((id) => !id.startsWith("apps/"));
}

/** A redelivery: the same delivery id, reaching a fresh replica whose queue has not seen it
 * (one that already has drops it unread), so the work itself must write nothing twice. */
export async function redeliver(name: string, payload: Payload, id: string): Promise<void> {
  await createTestProbot().receive(name, payload, id);
}

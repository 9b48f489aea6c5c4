import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LABEL_SPECS } from "../../../src/services/state-in-github.js";
import type { GitHubDouble } from "./github-double.js";
import { moveTo, type Payload, recordedPayload } from "./payloads.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
export const ORG = "acme";
export const REQUESTS = "requests";
export const REQUESTER = "octocat";
// The example settings as copied, plus one sealed secret so that flows exercise sealing.
export const SETTINGS = `${readFileSync(join(ROOT, "examples", "settings.yml"), "utf8")}secrets:
  REGISTRY_PASSWORD: { from_env: DEVPORTAL_SECRET_REGISTRY_PASSWORD }
`;
export const FORM_BODY = readFileSync(
  join(ROOT, "test", "fixtures", "github", "issue-body.orders-api.md"),
  "utf8",
);
export const REQUEST_FILE = readFileSync(
  join(ROOT, "examples", "orders-api.devportal.yml"),
  "utf8",
);

/** The control plane: the organisation's `.github` repository, where the platform team
 * keeps the portal settings. */
export const CONTROL_PLANE = ".github";
export const SETTINGS_PATH = ".github/devportal.yml";

/**
 * The world of most flow tests: the organisation `acme` with its control plane (portal
 * settings from examples/settings.yml in `acme/.github`), its request repository (the
 * requester has write access) and its GitOps repository; no service repository yet.
 */
export function arrangeOrg(double: GitHubDouble, settings = SETTINGS) {
  const { state } = double;
  state.accounts.set(ORG, "Organization");
  state.addRepo({ owner: ORG, name: CONTROL_PLANE, files: { [SETTINGS_PATH]: settings } });
  const requests = state.addRepo({
    owner: ORG,
    name: REQUESTS,
    files: { "README.md": "# requests\n" },
  });
  // The app's labels, as its installation made them (handlers/on-installation.ts): the form
  // issues below carry the request label, which GitHub drops where the repository lacks it.
  for (const { name, color, description } of LABEL_SPECS) {
    requests.labels.set(name, { color, description });
  }
  requests.collaborators.set(REQUESTER, "write");
  state.accounts.set(REQUESTER, "User");
  state.members.add(REQUESTER);
  state.addRepo({ owner: ORG, name: "gitops" });
  return { requests };
}

/** The platform team changes the settings in the control plane (`repo` for a control plane
 * named by DEVPORTAL_CONFIG_REPO). */
export function setSettings(double: GitHubDouble, settings: string, repo = CONTROL_PLANE): void {
  const plane = double.state.repo(ORG, repo) ?? double.state.addRepo({ owner: ORG, name: repo });
  double.state.commitFiles(plane, { [SETTINGS_PATH]: settings }, "Portal settings");
}

/** A form issue as GitHub would deliver it: recorded `issues.opened`, our body and label. */
export function formIssuePayload(
  double: GitHubDouble,
  params: { action?: "opened" | "edited"; body?: string; sender?: string; number?: number } = {},
): Payload {
  const requests = double.state.repo(ORG, REQUESTS);
  if (!requests) throw new Error("arrangeOrg first");
  const number = params.number ?? 7;
  const sender = params.sender ?? REQUESTER;
  const issue =
    requests.issues.get(number) ??
    double.state.addIssue(requests, {
      number,
      title: "New service: orders-api",
      body: params.body ?? FORM_BODY,
      labels: ["devportal:request"],
      user: { login: sender, type: "User" },
    });
  if (params.body !== undefined) issue.body = params.body;
  return recordedPayload("issues", params.action ?? "opened", (payload) => {
    moveTo(payload, { owner: ORG, repo: REQUESTS, sender });
    payload.issue.number = number;
    payload.issue.body = issue.body;
    payload.issue.user.login = issue.user.login;
    payload.issue.user.type = issue.user.type;
    payload.issue.labels = issue.labels.map((name) => ({
      id: 1,
      node_id: "x",
      url: "",
      name,
      color: "ededed",
      default: false,
      description: null,
    }));
  });
}

/** A recorded issue_comment.created payload: `body` commented on issue `number`. */
export function commentPayload(
  double: GitHubDouble,
  params: { number: number; body: string; sender?: string; commentId?: number },
): Payload {
  const issue = double.state.repo(ORG, REQUESTS)?.issues.get(params.number);
  if (!issue) throw new Error(`no issue #${params.number}`);
  // The comment exists on GitHub when its webhook arrives (the app reacts to it).
  const id = params.commentId ?? 555;
  if (!issue.comments.some((comment) => comment.id === id)) {
    issue.comments.push({
      id,
      body: params.body,
      user: { login: params.sender ?? REQUESTER, type: "User" },
      html_url: "",
    });
  }
  return recordedPayload("issue_comment", "created", (payload) => {
    moveTo(payload, { owner: ORG, repo: REQUESTS, sender: params.sender ?? REQUESTER });
    payload.issue.number = issue.number;
    payload.issue.body = issue.body;
    payload.issue.user = { ...payload.issue.user, login: issue.user.login, type: issue.user.type };
    payload.issue.labels = issue.labels.map((name) => ({
      id: 1,
      node_id: "x",
      url: "",
      name,
      color: "ededed",
      default: false,
      description: null,
    }));
    delete payload.issue.pull_request;
    payload.comment.id = params.commentId ?? 555;
    payload.comment.body = params.body;
  });
}

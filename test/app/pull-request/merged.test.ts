import { describe, expect, it } from "vitest";
import { REQUEST_RECORD_PATH } from "../../../src/render/repository-a/request-record.js";
import { deploymentStatusPayload } from "../../support/github/deployment-statuses.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { moveTo, recordedPayload } from "../../support/github/payloads.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { ORG, REQUEST_FILE, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import {
  appComments,
  BILLING,
  BILLING_FILE,
  ORDERS,
  openPull,
  pullPayload,
  pushPayload,
  redeliver,
  requestsOf,
  writesAfter,
} from "./pull-request-world.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

/** The maintainer who merges has write access; the author may not (a fork's contributor). */
function mergerCanWrite() {
  double.state.accounts.set("hubot", "User");
  requestsOf(double).collaborators.set("hubot", "write");
}

const statusComments = (number: number) =>
  appComments(double, number).filter((comment) => comment.body.includes("devportal:status "));

/** One request file provisioned from its status comment: repository, the requester's
 * access, secret, one commit, the status edited, the pushed commit pointing to it. */
const PROVISION = [
  "repos/create-in-org",
  "repos/add-collaborator",
  "actions/create-or-update-repo-secret",
  "git/create-tree",
  "git/create-commit",
  "git/update-ref",
  "issues/update-comment",
  "repos/create-commit-comment",
];
/** A merge: the status comment on the pull request, then provisioning. No issue, no label. */
const MERGE_WRITES = ["issues/create-comment", ...PROVISION];
/** Two request files merged together: one status comment each, on the same pull request. */
const TWO_WRITES = [...MERGE_WRITES, ...MERGE_WRITES];
/** A direct push: the tracking issue (the app's labels exist), its status comment and
 * request label, then provisioning. */
const DIRECT_WRITES = ["issues/create", "issues/create-comment", "issues/add-labels", ...PROVISION];
/** The first green build: one GitOps commit, the Deployment Argo CD reports on, and the
 * status edited (committed, waiting for Argo CD: no mention yet, no label, and the pull
 * request is already closed). */
const DEPLOY_WRITES = [
  "git/create-tree",
  "git/create-commit",
  "git/update-ref",
  "repos/create-deployment",
  "issues/update-comment",
];

describe("after the merge, the request lives on its pull request", () => {
  it("continues the status on the merged pull request, opens no issue, and deploys from it", async () => {
    mergerCanWrite();
    openPull(double, { number: 12, branch: "orders", files: { [ORDERS]: REQUEST_FILE } });
    const requests = requestsOf(double);
    const merge = double.state.mergePullRequest(requests, 12);
    const { receive } = createTestProbot();
    await receive("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }), "merge");
    expect(writesAfter(double, 0)).toEqual(MERGE_WRITES);

    expect([...requests.issues.keys()]).toEqual([12]); // no tracking issue opened
    const statuses = statusComments(12);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.body).toContain("✅ **Code pushed**");
    const service = double.state.repo(ORG, "orders-api");
    const record = service?.git.read("main")[REQUEST_RECORD_PATH] ?? "";
    expect(record).toContain("kind: pull_request");
    expect(record).toContain("issue: 12");
    expect(record).toContain("author: octocat");
    expect(requests.commitComments[0]?.body).toContain("status in #12");
    expect(requests.issues.get(12)?.labels).toEqual([]);

    // Redelivery of the push: nothing written twice.
    const writes = double.writes().length;
    await redeliver("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }), "merge");
    expect(writesAfter(double, writes)).toEqual([]);

    // The deploy pipeline believes the record: its status is on the pull request.
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    const green = workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });
    const deployFrom = double.writes().length;
    await receive("workflow_run", green, "green");
    expect(writesAfter(double, deployFrom)).toEqual(DEPLOY_WRITES);
    expect(
      double.state.repo(ORG, "gitops")?.git.read("main")["apps/orders-api/kustomization.yaml"],
    ).toContain(run.head_sha);
    expect(statusComments(12)).toHaveLength(1);
    expect(statusComments(12)[0]?.body).toContain("✅ **GitOps commit**");
    expect(statusComments(12)[0]?.body).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    const notices = () =>
      appComments(double, 12).filter((c) => c.body.includes("devportal:notify"));
    expect(notices()).toHaveLength(0);

    // Redelivered: nothing written.
    const deployed = double.writes().length;
    await redeliver("workflow_run", green, "green");
    expect(writesAfter(double, deployed)).toEqual([]);

    // Argo CD's word reaches the request file's status comment on the pull request, and its
    // author and merger are told once; no label, and the pull request stays as it is.
    const healthy = deploymentStatusPayload(double, { repo: "orders-api", state: "success" });
    const live = double.writes().length;
    await receive("deployment_status", healthy, "live");
    expect(writesAfter(double, live)).toEqual(["issues/update-comment", "issues/create-comment"]);
    expect(statusComments(12)).toHaveLength(1);
    expect(statusComments(12)[0]?.body).toContain("✅ **Live**: live and healthy");
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.body).toMatch(/^@octocat @hubot: ✅ orders\\-api is live and healthy/);
    expect(requests.issues.get(12)?.labels).toEqual([]);
    const reported = double.writes().length;
    await redeliver("deployment_status", healthy, "live");
    expect(writesAfter(double, reported)).toEqual([]);
    expect(notices()).toHaveLength(1);
  });

  it("mentions the author and the merger once when a build fails", async () => {
    mergerCanWrite();
    openPull(double, { number: 14, branch: "orders", files: { [ORDERS]: REQUEST_FILE } });
    const merge = double.state.mergePullRequest(requestsOf(double), 14);
    const { receive } = createTestProbot();
    await receive("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "failure");
    const payload = workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });
    await receive("workflow_run", payload, "red");
    const reported = double.writes().length;
    await redeliver("workflow_run", payload, "red");
    expect(writesAfter(double, reported)).toEqual([]);
    const mentions = appComments(double, 14).filter((comment) =>
      comment.body.includes("devportal:notify"),
    );
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.body).toMatch(
      /^@octocat @hubot: ❌ orders\\-api stopped: build \\#1 failure/,
    );
  });

  it("reports a merged request that cannot be provisioned on the pull request, mentioning its author once", async () => {
    mergerCanWrite();
    const broken = REQUEST_FILE.replace("service: orders-api", "service: Orders_API");
    openPull(double, { number: 15, branch: "bad", files: { [ORDERS]: broken } });
    const requests = requestsOf(double);
    const merge = double.state.mergePullRequest(requests, 15);
    const push = pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" });
    await createTestProbot().receive("push", push, "merge-bad");
    expect(writesAfter(double, 0)).toEqual([
      "issues/create-comment",
      "issues/create-comment",
      "repos/create-commit-comment",
    ]);
    expect([...requests.issues.keys()]).toEqual([15]);
    expect(statusComments(15)[0]?.body).toContain("is not a valid service name");
    const mentions = appComments(double, 15).filter((c) => c.body.includes("devportal:notify"));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.body).toMatch(/^@octocat @hubot: ❌ .* stopped: /);
    expect(double.state.repo(ORG, "orders-api")).toBeUndefined();

    const reported = double.writes().length;
    await redeliver("push", push, "merge-bad");
    expect(writesAfter(double, reported)).toEqual([]);
  });

  it("gives two services merged together one status each, on the same pull request", async () => {
    openPull(double, {
      number: 9,
      branch: "two",
      files: { [ORDERS]: REQUEST_FILE, [BILLING]: BILLING_FILE },
    });
    const requests = requestsOf(double);
    const merge = double.state.mergePullRequest(requests, 9);
    const { receive } = createTestProbot();
    const push = pushPayload({ sha: merge, paths: [ORDERS, BILLING] });
    await receive("push", push, "merge-two");
    expect(writesAfter(double, 0)).toEqual(TWO_WRITES);
    const merged = double.writes().length;
    await redeliver("push", push, "merge-two");
    expect(writesAfter(double, merged)).toEqual([]);
    expect([...requests.issues.keys()]).toEqual([9]);
    const statuses = statusComments(9);
    expect(statuses).toHaveLength(2);
    expect(statuses.map((comment) => comment.body.match(/### Dev Portal: (\S+)/)?.[1])).toEqual([
      "orders\\-api",
      "billing\\-api",
    ]);
    expect(double.state.repo(ORG, "orders-api")).toBeDefined();
    expect(double.state.repo(ORG, "billing-api")).toBeDefined();

    // `/devportal plan` on the pull request: one answer covering both services.
    requestsOf(double)
      .issues.get(9)
      ?.comments.push({
        id: 777,
        body: "/devportal plan",
        user: { login: "octocat", type: "User" },
        html_url: "",
      });
    await receive(
      "issue_comment",
      recordedPayload("issue_comment", "created", (payload) => {
        moveTo(payload, { owner: ORG, repo: REQUESTS, sender: "octocat" });
        payload.issue = { ...payload.issue, number: 9, labels: [], pull_request: { url: "" } };
        payload.comment.id = 777;
        payload.comment.body = "/devportal plan";
      }),
    );
    const replies = appComments(double, 9).filter((c) => c.body.includes("devportal:reply 777"));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain("**Plan** for `orders-api`");
    expect(replies[0]?.body).toContain("**Plan** for `billing-api`");
  });

  it("keeps the tracking issue for a direct push, even with a pull request open on the file", async () => {
    openPull(double, { number: 3, branch: "orders", files: { [ORDERS]: REQUEST_FILE } });
    const requests = requestsOf(double);
    const sha = double.state.commitFiles(requests, { [ORDERS]: REQUEST_FILE }, "Direct");
    await createTestProbot().receive("push", pushPayload({ sha, paths: [ORDERS] }), "direct");
    expect(writesAfter(double, 0)).toEqual(DIRECT_WRITES);
    const pushed = double.writes().length;
    await redeliver("push", pushPayload({ sha, paths: [ORDERS] }), "direct");
    expect(writesAfter(double, pushed)).toEqual([]);
    const opened = [...requests.issues.values()].filter((issue) => issue.user.type === "Bot");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.comments[0]?.body).toContain("✅ **Code pushed**");
    expect(statusComments(3)).toHaveLength(0);
    expect(double.state.repo(ORG, "orders-api")?.git.read("main")[REQUEST_RECORD_PATH]).toContain(
      "kind: file",
    );
  });

  it("answers /devportal on the pull request under the same rules: a stranger changes nothing, the author retries", async () => {
    mergerCanWrite();
    openPull(double, { number: 12, branch: "orders", files: { [ORDERS]: REQUEST_FILE } });
    const merge = double.state.mergePullRequest(requestsOf(double), 12);
    const { receive } = createTestProbot();
    await receive("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }));
    const status = statusComments(12)[0]?.body;
    const command = (sender: string, id: number) =>
      recordedPayload("issue_comment", "created", (payload) => {
        moveTo(payload, { owner: ORG, repo: REQUESTS, sender });
        payload.issue = {
          ...payload.issue,
          number: 12,
          labels: [],
          pull_request: { url: "https://api.github.com/repos/acme/requests/pulls/12" },
        };
        payload.comment.id = id;
        payload.comment.body = "/devportal retry";
      });
    requestsOf(double)
      .issues.get(12)
      ?.comments.push(
        {
          id: 501,
          body: "/devportal retry",
          user: { login: "mallory", type: "User" },
          html_url: "",
        },
        {
          id: 502,
          body: "/devportal retry",
          user: { login: "octocat", type: "User" },
          html_url: "",
        },
      );
    await receive("issue_comment", command("mallory", 501));
    expect(statusComments(12)[0]?.body).toBe(status);
    const refusal = appComments(double, 12).find((c) => c.body.includes("devportal:reply 501"));
    expect(refusal?.body).toContain("mallory");

    const writes = double.writes().length;
    await receive("issue_comment", command("octocat", 502));
    // The author may retry; everything is done, so only the 👀 is written.
    expect(
      double
        .writes()
        .slice(writes)
        .map((call) => call.operationId)
        .filter((id) => !id.startsWith("apps/")),
    ).toEqual(["reactions/create-for-issue-comment"]);
    expect(statusComments(12)[0]?.body).toBe(status);
  });

  it("plans a later pull request on the provisioned service as a change, not a creation", async () => {
    mergerCanWrite();
    openPull(double, { number: 12, branch: "orders", files: { [ORDERS]: REQUEST_FILE } });
    const merge = double.state.mergePullRequest(requestsOf(double), 12);
    const { receive } = createTestProbot();
    await receive("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }));
    const changed = REQUEST_FILE.replace("orders.example.com", "shop.example.com").replace(
      "sku: string",
      "sku: text",
    );
    const sha = openPull(double, { number: 20, branch: "shop", files: { [ORDERS]: changed } });
    await receive("pull_request", pullPayload({ action: "opened", number: 20, sha }));
    const body = appComments(double, 20)[0]?.body ?? "";
    expect(body).toContain("`acme/orders-api` already exists for this request");
    expect(body).toContain(
      "**Deploy**: `host` change; `acme/gitops` `apps/orders-api/` is re-rendered",
    );
    expect(body).toContain("**Models**: changed, but the portal never regenerates code");
    expect(body).not.toContain("| Repository |");
  });
});

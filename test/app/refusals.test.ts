import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import {
  FORM_BODY,
  formIssuePayload,
  ORG,
  REQUESTS,
  setSettings,
} from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const statusOf = () => double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0]?.body ?? "";
const createdNothing = () => {
  expect(double.count("repos/create-in-org")).toBe(0);
  expect(double.count("git/create-commit")).toBe(0);
  expect(double.count("actions/create-or-update-repo-secret")).toBe(0);
  expect(double.state.repo(ORG, "orders-api")).toBeUndefined();
};

describe("requests that must create nothing", () => {
  it("an unauthorized sender gets a polite reason", async () => {
    await createTestProbot().receive("issues", formIssuePayload(double, { sender: "mallory" }));
    createdNothing();
    expect(statusOf()).toContain("❌ **Requester authorized**: sorry \\@mallory");
    expect(statusOf()).toContain("acme\\/platform");
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.labels).toContain("devportal:failed");
  });

  it("a member of a requesters team is authorized without write access", async () => {
    double.state.teams.set("acme/backend", new Set(["teamie"]));
    await createTestProbot().receive("issues", formIssuePayload(double, { sender: "teamie" }));
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(statusOf()).toContain("member of the backend team");
  });

  it("an invalid request lists every problem by form field, and an edit continues", async () => {
    const body = FORM_BODY.replace("\norders-api\n", "\nOrders_API\n").replace(
      "\n1\n",
      "\nthree\n",
    );
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double, { body }));
    createdNothing();
    expect(statusOf()).toContain("❌ **Request validated**: 2 problems");
    expect(statusOf()).toContain("**Service name \\(service\\)**");
    expect(statusOf()).toContain("**Replicas \\(deploy\\.replicas\\)**");
    await receive("issues", formIssuePayload(double, { action: "edited", body: FORM_BODY }));
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments).toHaveLength(1);
    expect(statusOf()).toContain("✅ **Code pushed**");
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.labels).not.toContain(
      "devportal:failed",
    );
  });

  it("a name taken by someone else's repository is never written into", async () => {
    const theirs = double.state.addRepo({
      owner: ORG,
      name: "orders-api",
      files: { "main.go": "package main\n" },
    });
    await createTestProbot().receive("issues", formIssuePayload(double));
    expect(theirs.git.history("main")).toHaveLength(1);
    expect(theirs.secrets.size).toBe(0);
    expect(statusOf()).toContain("❌ **Repository**: the name is taken");
  });

  it("a personal account is refused, and an empty repository made there by hand is not adopted", async () => {
    double.state.accounts.set("octocat", "User");
    const settings =
      "owner: octocat\nrequest_repositories: [requests]\ndomain: apps.example.com\nallowed_hosts: ['*.example.com']\n";
    setSettings(double, settings);
    const { receive } = createTestProbot({ env: {} });
    await receive("issues", formIssuePayload(double));
    expect(statusOf()).toContain("personal account");
    const mine = double.state.addRepo({ owner: "octocat", name: "orders-api", empty: true });
    await receive("issues", formIssuePayload(double, { action: "edited" }));
    expect(mine.git.history("main")).toHaveLength(0);
    expect(statusOf()).toContain("Dev Portal did not create it for this request");
  });

  it("settings naming a variable outside DEVPORTAL_SECRET_* are a settings error", async () => {
    setSettings(
      double,
      "owner: acme\nrequest_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  KEY: { from_env: PRIVATE_KEY }\n",
    );
    await createTestProbot({ env: { PRIVATE_KEY: "app-private-key" } }).receive(
      "issues",
      formIssuePayload(double),
    );
    createdNothing();
    expect(statusOf()).toContain("a platform problem");
    expect(statusOf()).toContain("DEVPORTAL\\_SECRET\\_");
    expect(statusOf()).not.toContain("app-private-key");
  });

  it("bots and issues without the form's label are ignored without a single call", async () => {
    const { receive } = createTestProbot();
    const bot = formIssuePayload(double);
    bot.sender.type = "Bot";
    await receive("issues", bot);
    const unlabeled = formIssuePayload(double);
    unlabeled.issue.labels = [];
    await receive("issues", unlabeled);
    expect(double.calls).toEqual([]);
  });
});

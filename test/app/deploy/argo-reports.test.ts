import { describe, expect, it } from "vitest";
import { checkOverdueDeployReports } from "../../../src/services/deploy/check-overdue.js";
import { deploymentStatusPayload } from "../../support/github/deployment-statuses.js";
import { type GitHubDouble, SECONDARY_RATE_LIMIT } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import {
  FORM_BODY,
  formIssuePayload,
  ORG,
  REQUESTS,
  SETTINGS,
  setSettings,
} from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { deployedService } from "./deployed-service.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
  // The platform's settings, in the control plane: Argo CD's address and the team to page.
  setSettings(
    started,
    `${SETTINGS}platform_team: platform\ndeploy_reports: { argocd_url: "https://argocd.acme.dev", wait_minutes: 30 }\n`,
  );
});

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
const status = () => issue()?.comments[0]?.body ?? "";
const notifications = () =>
  (issue()?.comments ?? [])
    .slice(1)
    // Each notification hides its moment's key (posted once per moment) after its words.
    .map((comment) => comment.body.replace(/\n<!-- devportal:notify \S+ -->$/, ""));

describe("Argo CD reports back through GitHub deployment statuses", () => {
  it("the default form submission deploys: a Deployment waits for Argo CD on the built commit", async () => {
    const { receive } = createTestProbot();
    // Every checkbox as GitHub's form starts it: unticked.
    const untouched = FORM_BODY.replaceAll("- [x]", "- [ ]");
    expect(untouched).not.toMatch(/- \[x\]/i);
    formIssuePayload(double, { body: untouched });
    const run = await deployedService(double, receive);
    expect(issue()?.body).toBe(untouched);
    expect(double.state.repo(ORG, "orders-api")?.git.read("main")).toHaveProperty([
      ".github/workflows/ci-cd.yml",
    ]);
    double.assertClean();
    const deployment = double.state.repo(ORG, "orders-api")?.deployments[0];
    expect(deployment).toMatchObject({ sha: run.head_sha, environment: "production" });
    const body = double.calls.find((call) => call.operationId === "repos/create-deployment")?.body;
    expect(body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
      environment: "production",
    });
    expect(status()).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(status()).toContain("([Argo CD app](https://argocd.acme.dev/applications/orders-api))");
    expect(issue()?.state).toBe("open");
  });

  it("a Deployment GitHub refused for now is made on the job's next run, once, and the commit is said", async () => {
    const { receive } = createTestProbot();
    // After the GitOps commit landed: the next run finds Repository_B already deploying it.
    double.failNext({
      operationId: "repos/create-deployment",
      ...SECONDARY_RATE_LIMIT,
      headers: { "retry-after": "1" },
    });
    const run = await deployedService(double, receive);
    double.assertClean();
    expect(double.state.repo(ORG, "orders-api")?.deployments).toHaveLength(1);
    expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(2);
    expect(status()).toContain(`✅ **GitOps commit**: ${run.head_sha.slice(0, 7)} committed`);
    expect(status()).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(issue()?.comments).toHaveLength(1);
  });

  it("success turns the request live and healthy, closes it and tells the requester", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    double.assertClean();
    expect(status()).toContain("✅ **Live**: live and healthy");
    expect(issue()?.state).toBe("closed");
    expect(issue()?.labels).toContain("devportal:deployed");
    expect(notifications()).toEqual([
      "@octocat: ✅ orders\\-api is live and healthy ([https\\:\\/\\/orders\\.example\\.com\\/](https://orders.example.com/)).",
    ]);
    // A redelivery says nothing twice.
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    expect(notifications()).toHaveLength(1);
  });

  it("degraded is reported with what to do and a mention; a later failure reopens a closed request", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, {
        repo: "orders-api",
        state: "failure",
        description: "Deployment orders-api: CrashLoopBackOff",
      }),
    );
    double.assertClean();
    expect(status()).toContain("❌ **Live**: degraded");
    expect(status()).toContain("push a fix");
    expect(issue()?.state).toBe("open");
    expect(issue()?.labels).toContain("devportal:failed");
    expect(notifications()[1]).toMatch(/^@octocat: ❌ orders\\-api stopped: degraded/);
  });

  it("sync failed pages the platform team by name", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, {
        repo: "orders-api",
        state: "error",
        description: "one or more objects failed to apply",
      }),
    );
    expect(status()).toContain("❌ **Live**: sync failed");
    expect(status()).toContain("The platform team must act on this");
    expect(notifications()[0]).toMatch(
      /^@acme\/platform: orders\\-api needs the platform team: sync failed/,
    );
    expect(notifications()[0]).toContain("@octocat, nothing to change on your side");
  });

  // Only a status on a deployment this app made is Argo CD speaking through it.
  it.each([
    ["posted by a person, not an app", { creatorType: "User" as const }],
    [
      "on a deployment another app made",
      { deploymentCreator: { login: "other-app[bot]", type: "Bot" as const } },
    ],
  ])("a status %s changes nothing", async (_case, forged) => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    const before = double.writes().length;
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success", ...forged }),
    );
    expect(double.writes().slice(before)).toEqual([]);
    expect(issue()?.state).toBe("open");
    expect(status()).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
  });

  it("no report in time is said once, names what to check and pages the platform team", async () => {
    const { receive, probot } = createTestProbot();
    await deployedService(double, receive);
    const octokit = await probot.auth(4242);
    const app = { id: double.state.app.id, login: `${double.state.app.slug}[bot]` };
    const at = { owner: ORG, repo: REQUESTS, issue: 7, app, env: {} };
    expect(
      await checkOverdueDeployReports(octokit, { ...at, now: new Date("2026-11-30T12:10:00Z") }),
    ).toBe(false);
    expect(
      await checkOverdueDeployReports(octokit, { ...at, now: new Date("2026-11-30T12:31:00Z") }),
    ).toBe(true);
    expect(
      await checkOverdueDeployReports(octokit, { ...at, now: new Date("2026-11-30T13:31:00Z") }),
    ).toBe(false);
    double.assertClean();
    expect(status()).toContain("no report from Argo CD within 30 minutes");
    expect(status()).toContain("argocd\\-notifications");
    expect(notifications()).toHaveLength(1);
    expect(notifications()[0]).toMatch(/^@acme\/platform: ⏳ orders\\-api has had no report/);
  });
});

describe("people and labels at creation", () => {
  it("the requester gets maintain on their repository, and the plan says so", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    const grant = double.calls.find((call) => call.operationId === "repos/add-collaborator");
    expect(grant).toMatchObject({
      path: "/repos/acme/orders-api/collaborators/octocat",
      body: { permission: "maintain" },
    });
    expect(double.state.repo(ORG, "orders-api")?.collaborators.get("octocat")).toBe("maintain");
    expect(status()).toContain("\\@octocat has maintain");
    // The plan, shown by provisioning's report, says it before it happens.
    const reports = double.calls.filter((call) => call.operationId === "issues/update-comment");
    expect(
      reports.some((call) => call.body.body.includes("| Access | the requester gets maintain |")),
    ).toBe(true);
  });

  it("labels are created when missing, and a form whose label GitHub dropped is still a request", async () => {
    const { receive } = createTestProbot();
    double.state.repo(ORG, REQUESTS)?.labels.clear();
    const unlabelled = formIssuePayload(double);
    unlabelled.issue.labels = [];
    const stored = issue();
    if (stored) stored.labels = [];
    await receive("issues", unlabelled);
    double.assertClean();
    const labels = double.state.repo(ORG, REQUESTS)?.labels;
    expect([...(labels?.keys() ?? [])].sort()).toEqual([
      "devportal:deployed",
      "devportal:failed",
      "devportal:provisioning",
      "devportal:request",
    ]);
    expect(labels?.get("devportal:request")?.color).toBe("1d76db");
    expect(issue()?.labels).toEqual(["devportal:request", "devportal:provisioning"]);
    expect(double.count("repos/create-in-org")).toBe(1);
  });
});

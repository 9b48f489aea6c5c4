import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { getAppIdentity } from "../../src/github/app-identity.js";
import { MemoryQueue } from "../../src/runtime/memory-queue.js";
import { recoverOnce } from "../../src/runtime/recovery/recover.js";
import { deployedService, liveService } from "../app/deploy/deployed-service.js";
import { deploymentStatusPayload } from "../support/github/deployment-statuses.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import {
  formIssuePayload,
  ORG,
  REQUESTS,
  SETTINGS,
  setSettings,
} from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";
import { finish, startRun } from "../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const log = pino({ level: "silent" });
const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
const appWrites = () => double.writes().filter((call) => !call.operationId.startsWith("apps/"));

/** A fresh process starting up: its recovery sweep, then its queue drained. */
async function restart(now?: number) {
  const app = createTestProbot();
  await app.idle();
  const result = await recoverOnce({
    probot: app.probot,
    runtime: app.runtime(),
    log,
    slotMs: 300_000,
    ...(now === undefined ? {} : { now }),
    // What the app believes about itself, asked of GitHub as the composition root does.
    identity: () => app.probot.auth().then((octokit) => getAppIdentity(octokit)),
    env: {},
  });
  await app.idle();
  return { app, result };
}

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error("condition never met");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("recovery after a crash without Redis", () => {
  it("finds the request a dead process left half-provisioned and finishes it, once", async () => {
    // The first process: repository and secret written, then the tree write fails and the
    // retry is scheduled far ahead... and the process dies with its in-memory queue.
    const crashed = createTestProbot({ queue: new MemoryQueue({ wait: () => 3_600_000 }) });
    double.failNext({ operationId: "git/create-tree", status: 502, message: "Bad Gateway" });
    await crashed.deliver("issues", formIssuePayload(double));
    await until(() => (issue()?.comments[0]?.body ?? "").includes("retrying at"));
    await crashed.runtime().close();
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(1);

    const { result } = await restart();
    double.assertClean();
    expect(result).toEqual({ redelivered: 0, queued: 1 });
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
    expect(double.count("actions/create-or-update-repo-secret")).toBe(1);
    expect(issue()?.comments).toHaveLength(1);
    expect(issue()?.comments[0]?.body).toContain("✅ **Code pushed**");
  });

  it("finds a request whose delivery was answered but never worked on (no status comment yet)", async () => {
    formIssuePayload(double); // the issue exists on GitHub; its job died with the process
    const { result } = await restart();
    double.assertClean();
    expect(result.queued).toBe(1);
    expect(issue()?.comments[0]?.body).toContain("✅ **Code pushed**");
  });

  it("deploys a green build whose workflow_run delivery was lost", async () => {
    const app = createTestProbot();
    await app.receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success"); // ...and the process that should have heard of it is gone
    await restart();
    double.assertClean();
    const files = double.state.repo(ORG, "gitops")?.git.read("main") ?? {};
    expect(files["apps/orders-api/kustomization.yaml"]).toContain(run.head_sha);
    expect(issue()?.comments[0]?.body).toContain("✅ **GitOps commit**");
    // Committed is not live: open, waiting for Argo CD's report.
    expect(issue()?.comments[0]?.body).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(issue()?.state).toBe("open");
  });

  it("finishes a live report that stopped after the status comment (no label, not closed)", async () => {
    const app = createTestProbot();
    await deployedService(double, app.receive);
    expect(issue()?.state).toBe("open");
    // Argo CD says live; the process dies as GitHub applies the label: the comment says
    // live, the issue is open and labelled as provisioning.
    double.failNext({ operationId: "issues/add-labels", status: 422, message: "crash" });
    await app.receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    expect(issue()?.comments[0]?.body).toContain("✅ **Live**: live and healthy");
    expect(issue()?.state).toBe("open");
    const gitopsCommits = double.state.repo(ORG, "gitops")?.git.history("main").length;
    const deployments = double.state.repo(ORG, "orders-api")?.deployments.length;

    const { result } = await restart();
    double.assertClean();
    expect(result.queued).toBe(1);
    expect(issue()?.labels).toContain("devportal:deployed");
    expect(issue()?.labels).not.toContain("devportal:provisioning");
    expect(issue()?.state).toBe("closed");
    expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(gitopsCommits ?? 0);
    expect(double.state.repo(ORG, "orders-api")?.deployments).toHaveLength(deployments ?? 0);
  });

  it("leaves a deployed request a person reopened alone", async () => {
    const app = createTestProbot();
    await liveService(double, app.receive);
    const reopened = issue();
    if (!reopened) throw new Error("no request issue");
    reopened.state = "open";
    const before = appWrites().length;
    const { result } = await restart();
    double.assertClean();
    expect(result.queued).toBe(0);
    expect(appWrites().slice(before)).toEqual([]);
    expect(issue()?.state).toBe("open");
  });

  it("leaves finished requests alone: a sweep over a live service writes nothing", async () => {
    const app = createTestProbot();
    await liveService(double, app.receive);
    const before = appWrites().length;
    const { result } = await restart();
    double.assertClean();
    expect(result.queued).toBe(0);
    expect(appWrites().slice(before)).toEqual([]);
  });

  it("redelivers the app's failed deliveries, and only those", async () => {
    const at = new Date().toISOString();
    const delivery = { event: "issues", action: "opened", redelivery: false, delivered_at: at };
    double.state.hookDeliveries.push(
      { ...delivery, id: 3, guid: "failed-guid", status_code: 502 },
      { ...delivery, id: 2, guid: "ok-guid", status_code: 200 },
      { ...delivery, id: 1, guid: "healed-guid", status_code: 500 },
      { ...delivery, id: 0, guid: "healed-guid", status_code: 200 },
    );
    const { result } = await restart();
    double.assertClean();
    expect(result.redelivered).toBe(1);
    const asked = double.calls.filter(
      (call) => call.operationId === "apps/redeliver-webhook-delivery",
    );
    expect(asked.map((call) => call.path)).toEqual(["/app/hook/deliveries/3/attempts"]);
  });
});

describe("the recovery sweep's overdue check (no report from Argo CD in time)", () => {
  const at = (time: string) => Date.parse(`2026-11-30T${time}:00Z`);
  const notifications = () =>
    (issue()?.comments ?? [])
      .slice(1)
      // Each notification hides its moment's key (posted once per moment) after its words.
      .map((comment) => comment.body.replace(/\n<!-- devportal:notify \S+ -->$/, ""));

  it("says it once, names what to check, pages the platform team, and never re-provisions", async () => {
    setSettings(double, `${SETTINGS}platform_team: platform\n`);
    const app = createTestProbot();
    // The GitOps commit's Deployment is made at 12:00 (the double's clock); wait_minutes: 30.
    await deployedService(double, app.receive);
    const before = appWrites().length;

    const early = await restart(at("12:10"));
    expect(early.result.queued).toBe(1);
    expect(appWrites().slice(before)).toEqual([]);

    const late = await restart(at("12:31"));
    expect(late.result.queued).toBe(1);
    const status = issue()?.comments[0]?.body ?? "";
    expect(status).toContain("⏳ **Live**: no report from Argo CD within 30 minutes");
    expect(status).toContain("argocd\\-notifications");
    expect(notifications()).toHaveLength(1);
    expect(notifications()[0]).toMatch(/^@acme\/platform: ⏳ orders\\-api has had no report/);
    expect(issue()?.state).toBe("open");

    // Said once: later sweeps find nothing left to check.
    const after = appWrites().length;
    const later = await restart(at("13:31"));
    expect(later.result.queued).toBe(0);
    expect(appWrites().slice(after)).toEqual([]);
    double.assertClean();
    // Only the status and the one notification were written: provisioning never ran again.
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
  });

  it("a report that arrives after the warning still turns the request live", async () => {
    const app = createTestProbot();
    await deployedService(double, app.receive);
    await restart(at("12:45"));
    expect(issue()?.comments[0]?.body).toContain("no report from Argo CD within 30 minutes");
    await app.receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    double.assertClean();
    expect(issue()?.comments[0]?.body).toContain("✅ **Live**: live and healthy");
    expect(issue()?.state).toBe("closed");
  });
});

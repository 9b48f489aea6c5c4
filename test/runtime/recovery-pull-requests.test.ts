import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { getAppIdentity } from "../../src/github/app-identity.js";
import { MemoryQueue } from "../../src/runtime/memory-queue.js";
import { recoverOnce } from "../../src/runtime/recovery/recover.js";
import {
  appComments,
  BILLING,
  BILLING_FILE,
  ORDERS,
  openPull,
  pushPayload,
  requestsOf,
  writesAfter,
} from "../app/pull-request/pull-request-world.js";
import { deploymentStatusPayload } from "../support/github/deployment-statuses.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { ORG, REQUEST_FILE, SETTINGS, setSettings } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const log = pino({ level: "silent" });
/** The double merges at 2026-11-30 12:00 UTC; its Deployments are made at 12:00 too. */
const at = (time: string) => Date.parse(`2026-11-30T${time}:00Z`);
const statusOf = (number: number) =>
  appComments(double, number).find((comment) => comment.body.includes("devportal:status "))?.body ??
  "";
const notices = (number: number) =>
  appComments(double, number).filter((comment) => comment.body.includes("devportal:notify"));
const calls = (operationId: string) =>
  double.calls.filter((call) => call.operationId === operationId).length;

/** A fresh process starting up without a webhook: its recovery sweep, then its queue drained. */
async function restart(now: number) {
  const app = createTestProbot();
  await app.idle();
  const result = await recoverOnce({
    probot: app.probot,
    runtime: app.runtime(),
    log,
    slotMs: 300_000,
    now,
    identity: () => app.probot.auth().then((octokit) => getAppIdentity(octokit)),
    env: {},
  });
  await app.idle();
  return result;
}

async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error("condition never met");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Pull request `number` merged by a maintainer with write access. */
function merged(number: number): string {
  double.state.accounts.set("hubot", "User");
  requestsOf(double).collaborators.set("hubot", "write");
  openPull(double, { number, branch: `orders-${number}`, files: { [ORDERS]: REQUEST_FILE } });
  return double.state.mergePullRequest(requestsOf(double), number);
}

/** Merged, provisioned and deployed: the GitOps commit waits for Argo CD's first report. */
async function waitingForArgo(number: number) {
  const merge = merged(number);
  const { receive } = createTestProbot();
  await receive("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }));
  const run = startRun(double, { repo: "orders-api" });
  finish(run, "success");
  await receive(
    "workflow_run",
    workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
  );
  expect(statusOf(number)).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
  return receive;
}

/** A merge whose provisioning died after the repository was made: the tree write fails, its
 * retry is far ahead, and the process dies with its in-memory queue. */
async function crashedAfterRepository(number: number) {
  const merge = merged(number);
  const crashed = createTestProbot({ queue: new MemoryQueue({ wait: () => 3_600_000 }) });
  double.failNext({ operationId: "git/create-tree", status: 502, message: "Bad Gateway" });
  await crashed.deliver("push", pushPayload({ sha: merge, paths: [ORDERS], sender: "hubot" }));
  await until(() => statusOf(number).includes("retrying at"));
  await crashed.runtime().close();
  expect(double.count("repos/create-in-org")).toBe(1);
  expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(1);
}

describe("recovery of requests whose home is a merged pull request", () => {
  it("finishes a merged request whose provisioning stopped after the repository, with no webhook", async () => {
    await crashedAfterRepository(12);
    const before = double.writes().length;
    const result = await restart(at("12:05"));
    double.assertClean();
    expect(result).toEqual({ redelivered: 0, queued: 1 });
    expect(writesAfter(double, before)).toEqual([
      "git/create-tree",
      "git/create-commit",
      "git/update-ref",
      "issues/update-comment",
      "repos/create-commit-comment",
    ]);
    // The merge commit points to the status, as the push would have made it.
    expect(requestsOf(double).commitComments).toHaveLength(1);
    expect(requestsOf(double).commitComments[0]?.body).toContain("status in #12");
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.count("actions/create-or-update-repo-secret")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
    expect(statusOf(12)).toContain("✅ **Code pushed**");
    // Still on the pull request: no tracking issue, no label.
    expect([...requestsOf(double).issues.keys()]).toEqual([12]);
    expect(requestsOf(double).issues.get(12)?.labels).toEqual([]);

    // A second sweep over the finished provisioning writes nothing.
    const after = double.writes().length;
    await restart(at("12:10"));
    expect(writesAfter(double, after)).toEqual([]);
  });

  it("says once that a merged request's deploy has had no report from Argo CD in time", async () => {
    setSettings(double, `${SETTINGS}platform_team: platform\n`);
    await waitingForArgo(12);
    const before = double.writes().length;

    const early = await restart(at("12:10"));
    expect(early.queued).toBe(1);
    expect(writesAfter(double, before)).toEqual([]);

    const late = double.writes().length;
    expect((await restart(at("12:31"))).queued).toBe(1);
    expect(writesAfter(double, late)).toEqual(["issues/update-comment", "issues/create-comment"]);
    expect(statusOf(12)).toContain("⏳ **Live**: no report from Argo CD within 30 minutes");
    expect(notices(12)).toHaveLength(1);
    expect(notices(12)[0]?.body).toContain("orders\\-api has had no report");

    const said = double.writes().length;
    expect((await restart(at("13:31"))).queued).toBe(0);
    expect(writesAfter(double, said)).toEqual([]);
    double.assertClean();
    expect(double.count("repos/create-in-org")).toBe(1);
  });

  it("checks each request file's own status on a pull request that merged two", async () => {
    openPull(double, {
      number: 9,
      branch: "two",
      files: { [ORDERS]: REQUEST_FILE, [BILLING]: BILLING_FILE },
    });
    const merge = double.state.mergePullRequest(requestsOf(double), 9);
    const { receive } = createTestProbot();
    await receive("push", pushPayload({ sha: merge, paths: [ORDERS, BILLING] }));
    for (const repo of ["orders-api", "billing-api"]) {
      const run = startRun(double, { repo });
      finish(run, "success");
      await receive("workflow_run", workflowRunPayload(double, { repo, run, action: "completed" }));
    }
    const statuses = () =>
      appComments(double, 9).filter((comment) => comment.body.includes("devportal:status "));
    expect(statuses().map((c) => c.body.includes("waiting for Argo CD"))).toEqual([true, true]);
    const before = double.writes().length;
    expect((await restart(at("12:31"))).queued).toBe(2);
    // Each status said late once, with its own service's notice: four writes.
    expect(writesAfter(double, before)).toEqual([
      "issues/update-comment",
      "issues/create-comment",
      "issues/update-comment",
      "issues/create-comment",
    ]);
    const late = statuses().filter((c) => c.body.includes("no report from Argo CD within"));
    expect(late.map((c) => c.body.match(/### Dev Portal: (\S+)/)?.[1])).toEqual([
      "orders\\-api",
      "billing\\-api",
    ]);
    double.assertClean();
  });

  it("reads only over a live merged request", async () => {
    const receive = await waitingForArgo(12);
    await receive(
      "deployment_status",
      deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
    );
    expect(statusOf(12)).toContain("✅ **Live**: live and healthy");
    const live = double.writes().length;
    expect((await restart(at("13:00"))).queued).toBe(0);
    expect(writesAfter(double, live)).toEqual([]);
    double.assertClean();
  });

  it("leaves alone a merged pull request last updated before the window", async () => {
    await crashedAfterRepository(13);
    const pull = requestsOf(double).pulls.get(13);
    if (!pull) throw new Error("no pull request");
    pull.updatedAt = "2026-11-20T12:00:00Z";
    const before = double.writes().length;
    const listed = calls("issues/list-comments");
    // Ten days later: one list call for the repository, stopped at the window.
    const result = await restart(at("12:00") + 1);
    expect(result.queued).toBe(0);
    expect(writesAfter(double, before)).toEqual([]);
    expect(calls("issues/list-comments")).toBe(listed);
    expect(calls("pulls/list")).toBe(1);
    double.assertClean();
  });
});

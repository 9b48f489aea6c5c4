import { afterAll, describe, expect, it, vi } from "vitest";
import type { Call } from "../support/github/github-double.js";
import { formIssuePayload } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import { deployed, duplicates, killAllAtWrite, provisioned } from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld, type World } from "../support/process/world.js";
import {
  DEPLOYMENT_WRITES,
  deploymentCall,
  PROVISIONING_WRITES,
  waitQuiet,
} from "../support/process/writes.js";

// Each chain starts up to nine app processes (a few CPU seconds each) one after the other.
vi.setConfig({ testTimeout: 240_000 });

/**
 * The stated time: after a SIGKILL, a fresh process (started at once, as a supervisor would)
 * reaches the next write, or the happy end, within this, with no webhook and no command.
 * Without Redis the fresh process finds the request in GitHub (recovery sweep 2 s after
 * start); on Redis it takes over the dead process's job once its lock runs out
 * (DEVPORTAL_LOCK_SECONDS, 3 s in these tests; 30 s by default).
 */
const RECOVERY_MS = 60_000;

/** Seconds from each kill to the fresh process's next write (or its happy end). */
const timings = new Map<string, string>();

afterAll(() => {
  const rows = [
    ...PROVISIONING_WRITES.map((op) => `provision ${op}`),
    ...DEPLOYMENT_WRITES.map((op) => `deploy ${op}`),
  ];
  const columns = ["in the process", "on Redis"];
  const width = Math.max(...rows.map((row) => row.length));
  const lines = [
    `${"killed as GitHub applies".padEnd(width)}  ${columns.map((c) => c.padEnd(16)).join("")}`,
    ...rows.map(
      (row) =>
        `${row.padEnd(width)}  ${columns.map((c) => (timings.get(`${row}|${c}`) ?? "not run").padEnd(16)).join("")}`,
    ),
  ];
  process.stdout.write(
    `\nSIGKILL after each write (s until a fresh process made the next write / finished):\n${lines.join("\n")}\n`,
  );
});

/**
 * Kill the app as GitHub applies each kind of write, at its first application: the first
 * process dies at the first write; a fresh one (no webhook, no command) must carry on and
 * dies at the next kind of write not killed at yet, and so on; the last fresh process must
 * reach the happy end. A resumed run may order its writes differently from a first run (it
 * skips what is done), so the kill points follow what the app does, and every kind of write
 * in `writes` must have been a kill point by the end.
 */
async function killChain(params: {
  world: World;
  stage: "provision" | "deploy";
  column: string;
  writes: readonly string[];
  matcher: (operationId: string) => (call: Call) => boolean;
  start: () => Promise<void>;
  finished: () => boolean;
}): Promise<void> {
  const { world, stage, column, matcher } = params;
  const remaining = new Set(params.writes);
  const pids = () => world.pids;
  const nextKill = () =>
    killAllAtWrite(world.double, pids, (call) =>
      [...remaining].some((operationId) => matcher(operationId)(call)),
    );
  let killed = nextKill();
  await params.start();
  let began = Date.now();
  let previous = "the delivery";
  for (;;) {
    const call = await withTimeout(killed, RECOVERY_MS, `a write after ${previous}`);
    const operationId = [...remaining].find((op) => matcher(op)(call)) as string;
    remaining.delete(operationId);
    if (previous !== "the delivery") {
      timings.set(
        `${stage} ${previous}|${column}`,
        `ok ${((Date.now() - began) / 1000).toFixed(1)}`,
      );
    }
    timings.set(`${stage} ${operationId}|${column}`, "FAIL");
    await Promise.all(world.apps.map((app) => app.kill()));
    previous = operationId;
    began = Date.now();
    if (remaining.size > 0) killed = nextKill();
    else world.double.onCall = undefined;
    await world.startApp({ name: `fresh-after-${operationId}` });
    if (remaining.size === 0) break;
  }
  await waitFor(`the happy end after the kill at ${previous}`, params.finished, {
    timeoutMs: RECOVERY_MS,
  });
  timings.set(`${stage} ${previous}|${column}`, `ok ${((Date.now() - began) / 1000).toFixed(1)}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} never happened in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

describe.concurrent.each([
  ["in the process", false],
  ["on Redis", true],
])("SIGKILL after each write, queue %s", (column, redis) => {
  it("provisioning: fresh processes finish it with no webhook and no command", async () => {
    const world = await startWorld({ redis });
    try {
      const { double } = world;
      await killChain({
        world,
        stage: "provision",
        column,
        // A resumed run finds the status comment and never writes labels before its end: the
        // kill at issues/add-labels is made in the deployment's chain, in its provisioning.
        writes: PROVISIONING_WRITES.filter((operationId) => operationId !== "issues/add-labels"),
        matcher: (operationId) => (call) => call.operationId === operationId,
        start: async () => {
          const first = await world.startApp({ name: "first" });
          await first.deliver("issues", formIssuePayload(double)).catch(() => undefined);
        },
        finished: () => provisioned(double),
      });
      await waitQuiet(double, 3_000);
      expect(duplicates(double)).toEqual([]);
      expect(double.violations).toEqual([]);
    } finally {
      await world.stop();
    }
  });

  it("issues/add-labels of provisioning, then the first deployment: fresh processes finish with no webhook and no command", async () => {
    const world = await startWorld({ redis });
    try {
      const { double } = world;
      await killChain({
        world,
        stage: "provision",
        column,
        writes: ["issues/add-labels"],
        matcher: (operationId) => (call) => call.operationId === operationId,
        start: async () => {
          const first = await world.startApp({ name: "provisioner" });
          await first.deliver("issues", formIssuePayload(double)).catch(() => undefined);
        },
        finished: () => provisioned(double),
      });
      await waitQuiet(double, 2_000);
      const run = startRun(double, { repo: "orders-api" });
      finish(run, "success");
      await killChain({
        world,
        stage: "deploy",
        column,
        writes: DEPLOYMENT_WRITES,
        matcher: deploymentCall,
        start: async () => {
          const [app] = world.apps;
          await app
            ?.deliver(
              "workflow_run",
              workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
            )
            .catch(() => undefined);
        },
        finished: () => deployed(double, run.head_sha),
      });
      await waitQuiet(double, 3_000);
      expect(duplicates(double, { deployed: true })).toEqual([]);
      expect(double.violations).toEqual([]);
    } finally {
      await world.stop();
    }
  });
});

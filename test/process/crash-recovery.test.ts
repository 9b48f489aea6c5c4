import { describe, expect, it, vi } from "vitest";
import { formIssuePayload } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import {
  deployed,
  duplicates,
  killAtWrite,
  waitProvisioned,
} from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld } from "../support/process/world.js";
import {
  DEPLOYMENT_WRITES,
  deploymentCall,
  PROVISIONING_WRITES,
  waitQuiet,
} from "../support/process/writes.js";

// Each test starts app processes (a few CPU seconds each) and waits on Probot's write
// spacing and on recovery: four minutes per test, counted from when it starts running.
vi.setConfig({ testTimeout: 240_000 });

/** The stated time: a fresh process finishes a killed request within this, on its own. */
const RECOVERY_MS = 45_000;

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} never happened in ${ms} ms`)), ms),
    ),
  ]);

describe.concurrent.each([
  ["in the process", false],
  ["on Redis", true],
])("SIGKILL, queue %s", (_name, redis) => {
  it.each(PROVISIONING_WRITES)(
    "killed as GitHub applies %s of provisioning: a fresh process finishes it with no webhook and no command",
    async (operationId) => {
      const world = await startWorld({ redis });
      try {
        const { double } = world;
        const first = await world.startApp({ name: "first" });
        const killed = killAtWrite(double, first, (call) => call.operationId === operationId);
        await first.deliver("issues", formIssuePayload(double)).catch(() => undefined);
        await withTimeout(killed, 60_000, `${operationId}`);
        await first.kill();

        await world.startApp({ name: "fresh" });
        await waitProvisioned(double, RECOVERY_MS);
        await waitQuiet(double, 3_500);
        expect(duplicates(double)).toEqual([]);
        expect(double.violations).toEqual([]);
      } finally {
        await world.stop();
      }
    },
  );

  it.each(DEPLOYMENT_WRITES)(
    "killed as GitHub applies %s of the first deployment: a fresh process deploys with no webhook and no command",
    async (operationId) => {
      const world = await startWorld({ redis });
      try {
        const { double } = world;
        const first = await world.startApp({ name: "first" });
        await first.deliver("issues", formIssuePayload(double));
        await waitProvisioned(double, 60_000);
        await waitQuiet(double, 3_500);
        const run = startRun(double, { repo: "orders-api" });
        finish(run, "success");
        const killed = killAtWrite(double, first, deploymentCall(operationId));
        await first
          .deliver(
            "workflow_run",
            workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
          )
          .catch(() => undefined);
        await withTimeout(killed, 60_000, `${operationId}`);
        await first.kill();

        await world.startApp({ name: "fresh" });
        await waitFor("the deployment", () => deployed(double, run.head_sha), {
          timeoutMs: RECOVERY_MS,
        });
        await waitQuiet(double, 3_500);
        expect(duplicates(double, { deployed: true })).toEqual([]);
        expect(double.violations).toEqual([]);
      } finally {
        await world.stop();
      }
    },
  );
});

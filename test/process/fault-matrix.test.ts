import { afterAll, describe, expect, it, vi } from "vitest";
import type { Fault } from "../support/github/github-double.js";
import { formIssuePayload } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import { deployed, duplicates, provisioned } from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld } from "../support/process/world.js";
import { DEPLOYMENT_WRITES, PROVISIONING_WRITES, waitQuiet } from "../support/process/writes.js";

// Each test starts app processes (a few CPU seconds each) and waits on Probot's write
// spacing and on recovery: four minutes per test, counted from when it starts running.
vi.setConfig({ testTimeout: 240_000 });

const FAULTS: Record<string, Omit<Fault, "operationId">> = {
  "502 before": { status: 502 },
  "502 after": { status: 502, applied: true },
  "403 secondary": {
    status: 403,
    message:
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    headers: { "retry-after": "1" },
  },
  // The write reached GitHub and was applied; the connection dropped before the answer.
  "conn. reset": { status: 0, reset: true, applied: true },
};

/** Within this, with no human action, every faulted request reaches its happy end. */
const HEAL_MS = 60_000;

const outcomes = new Map<string, string>();

afterAll(() => {
  const faults = Object.keys(FAULTS);
  const rows = [
    ...PROVISIONING_WRITES.map((op) => `provision ${op}`),
    ...DEPLOYMENT_WRITES.map((op) => `deploy ${op}`),
  ];
  const width = Math.max(...rows.map((row) => row.length));
  const lines = [
    `${"write".padEnd(width)}  ${faults.map((fault) => fault.padEnd(14)).join("")}`,
    ...rows.map(
      (row) =>
        `${row.padEnd(width)}  ${faults.map((fault) => (outcomes.get(`${row}|${fault}`) ?? "not run").padEnd(14)).join("")}`,
    ),
  ];
  process.stdout.write(
    `\nFault matrix (healed in, s; happy end, no duplicate):\n${lines.join("\n")}\n`,
  );
});

async function healed(params: {
  stage: "provision" | "deploy";
  operationId: string;
  fault: string;
}): Promise<void> {
  const key = `${params.stage} ${params.operationId}|${params.fault}`;
  outcomes.set(key, "FAIL");
  const world = await startWorld();
  try {
    const { double } = world;
    const app = await world.startApp();
    const fault: Fault = { operationId: params.operationId, ...FAULTS[params.fault] } as Fault;
    let began: number;
    if (params.stage === "provision") {
      double.failNext(fault);
      began = Date.now();
      await app.deliver("issues", formIssuePayload(double));
      await waitFor("the happy end of provisioning", () => provisioned(double), {
        timeoutMs: HEAL_MS,
      });
      await waitQuiet(double, 3_500);
      expect(duplicates(double)).toEqual([]);
    } else {
      await app.deliver("issues", formIssuePayload(double));
      await waitFor("provisioning", () => provisioned(double), { timeoutMs: HEAL_MS });
      await waitQuiet(double, 3_500);
      const run = startRun(double, { repo: "orders-api" });
      finish(run, "success");
      double.failNext({
        ...fault,
        ...(params.operationId.startsWith("git/") ? { pathIncludes: "/gitops/" } : {}),
      });
      began = Date.now();
      await app.deliver(
        "workflow_run",
        workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
      );
      await waitFor("the happy end of the deployment", () => deployed(double, run.head_sha), {
        timeoutMs: HEAL_MS,
      });
      await waitQuiet(double, 3_500);
      expect(duplicates(double, { deployed: true })).toEqual([]);
    }
    double.assertClean();
    outcomes.set(key, `ok ${((Date.now() - began) / 1000).toFixed(1)}`);
  } finally {
    await world.stop();
  }
}

describe.concurrent("every GitHub write x every transient fault heals with no human action", () => {
  for (const fault of Object.keys(FAULTS)) {
    it.each(PROVISIONING_WRITES)(`provisioning: ${fault} on %s`, (operationId) =>
      healed({ stage: "provision", operationId, fault }),
    );
    it.each(DEPLOYMENT_WRITES)(`deployment: ${fault} on %s`, (operationId) =>
      healed({ stage: "deploy", operationId, fault }),
    );
  }
});

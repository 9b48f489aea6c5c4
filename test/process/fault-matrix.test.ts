import { afterAll, describe, expect, it, vi } from "vitest";
import type { Call, Fault } from "../support/github/github-double.js";
import { formIssuePayload } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import { deployed, duplicates, provisioned } from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld } from "../support/process/world.js";
import {
  DEPLOYMENT_WRITES,
  deploymentCall,
  PROVISIONING_WRITES,
  waitQuiet,
} from "../support/process/writes.js";

// Each column starts one app process and waits on Probot's write spacing and on back-off.
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

/** Within this, with no human action, each stage reaches its happy end despite its faults. */
const HEAL_MS = 90_000;

/** `stage write|fault` -> "healed" once the fault was met and the stage ended happy. */
const outcomes = new Map<string, string>();
/** `stage|fault` -> seconds from the delivery to the stage's happy end. */
const durations = new Map<string, string>();

const rowsOf = () => [
  ...PROVISIONING_WRITES.map((op) => ["provision", op] as const),
  ...DEPLOYMENT_WRITES.map((op) => ["deploy", op] as const),
];

afterAll(() => {
  const faults = Object.keys(FAULTS);
  const rows = [
    ...rowsOf().map(([stage, op]) => ({
      label: `${stage} ${op}`,
      cell: (fault: string) => outcomes.get(`${stage} ${op}|${fault}`) ?? "not run",
    })),
    ...(["provision", "deploy"] as const).map((stage) => ({
      label: `${stage}: happy end after (s)`,
      cell: (fault: string) => durations.get(`${stage}|${fault}`) ?? "not run",
    })),
  ];
  const width = Math.max(...rows.map((row) => row.label.length));
  const lines = [
    `${"write".padEnd(width)}  ${faults.map((fault) => fault.padEnd(14)).join("")}`,
    ...rows.map(
      (row) => `${row.label.padEnd(width)}  ${faults.map((f) => row.cell(f).padEnd(14)).join("")}`,
    ),
  ];
  process.stdout.write(
    `\nFault matrix (each write met the fault once; happy end, no duplicate, no human action):\n${lines.join("\n")}\n`,
  );
});

/** The call that met the fault: its recorded status is the fault's (0 for a reset). */
function metFault(
  calls: readonly Call[],
  matches: (call: Call) => boolean,
  fault: Omit<Fault, "operationId">,
) {
  return calls.some(
    (call) => call.status === fault.status && call.operationId !== "" && matches(call),
  );
}

/**
 * One column of the matrix in one world: the fault is armed on every write of provisioning
 * (each once, at its first call), the request must reach its happy end with no duplicate;
 * then armed on every write of the first deployment, which must end committed with its one
 * Deployment, open until Argo CD reports, with no duplicate. Each cell is then checked: the write met its fault.
 */
async function column(name: string): Promise<void> {
  const fault = FAULTS[name] as Omit<Fault, "operationId">;
  const world = await startWorld();
  try {
    const { double } = world;
    const app = await world.startApp({ name: `faults-${name}` });

    for (const operationId of PROVISIONING_WRITES) double.failNext({ operationId, ...fault });
    let began = Date.now();
    await app.deliver("issues", formIssuePayload(double));
    await waitFor(`provisioning to heal from ${name}`, () => provisioned(double), {
      timeoutMs: HEAL_MS,
    });
    durations.set(`provision|${name}`, ((Date.now() - began) / 1000).toFixed(1));
    await waitQuiet(double, 3_000);
    expect(duplicates(double)).toEqual([]);
    for (const operationId of PROVISIONING_WRITES) {
      const met = metFault(double.calls, (call) => call.operationId === operationId, fault);
      outcomes.set(`provision ${operationId}|${name}`, met ? "healed" : "fault not met");
    }

    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    const deployCalls = double.calls.length;
    for (const operationId of DEPLOYMENT_WRITES) {
      double.failNext({
        operationId,
        ...fault,
        ...(operationId.startsWith("git/") ? { pathIncludes: "/gitops/" } : {}),
      });
    }
    began = Date.now();
    await app.deliver(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    await waitFor(`the deployment to heal from ${name}`, () => deployed(double, run.head_sha), {
      timeoutMs: HEAL_MS,
    });
    durations.set(`deploy|${name}`, ((Date.now() - began) / 1000).toFixed(1));
    await waitQuiet(double, 3_000);
    expect(duplicates(double, { deployed: true })).toEqual([]);
    for (const operationId of DEPLOYMENT_WRITES) {
      const met = metFault(double.calls.slice(deployCalls), deploymentCall(operationId), fault);
      outcomes.set(`deploy ${operationId}|${name}`, met ? "healed" : "fault not met");
    }
    // Every armed fault was met, and every request the app made was valid.
    double.assertClean();
  } finally {
    await world.stop();
  }
}

describe.concurrent("every GitHub write x every transient fault heals with no human action", () => {
  it.each(Object.keys(FAULTS))("%s on every write of provisioning and deployment", column);
});

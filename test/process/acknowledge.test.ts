import { describe, expect, it, vi } from "vitest";
import { formIssuePayload } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import type { Acknowledgement } from "../support/process/app-process.js";
import { deployed, duplicates, waitProvisioned } from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld } from "../support/process/world.js";

// Each test starts app processes (a few CPU seconds each) and waits on Probot's write
// spacing and on recovery: four minutes per test, counted from when it starts running.
vi.setConfig({ testTimeout: 240_000 });

describe.concurrent.each([
  ["in the process", false],
  ["on Redis", true],
])("acknowledgement, queue %s", (_name, redis) => {
  it("answers every delivery in under 1 s while the work runs behind it, GitHub 100 ms away", async () => {
    // Its own world, stopped in `finally`: the two tests run at once.
    const world = await startWorld({ latencyMs: 100, redis });
    try {
      const { double } = world;
      const app = await world.startApp();
      expect((await app.get("/healthz")).status).toBe(200);
      expect((await app.get("/readyz")).status).toBe(200);

      const acks: [string, Acknowledgement][] = [];
      const opened = formIssuePayload(double);
      acks.push(["issues.opened", await app.deliver("issues", opened, "delivery-opened")]);
      acks.push(["issues.opened again", await app.deliver("issues", opened, "delivery-opened")]);
      acks.push([
        "issues.edited",
        await app.deliver("issues", formIssuePayload(double, { action: "edited" })),
      ]);
      await waitProvisioned(double, 60_000);

      const run = startRun(double, { repo: "orders-api" });
      for (const action of ["requested", "in_progress"] as const) {
        const payload = workflowRunPayload(double, { repo: "orders-api", run, action });
        acks.push([`workflow_run.${action}`, await app.deliver("workflow_run", payload)]);
      }
      finish(run, "success");
      const completed = workflowRunPayload(double, {
        repo: "orders-api",
        run,
        action: "completed",
      });
      acks.push(["workflow_run.completed", await app.deliver("workflow_run", completed)]);
      await waitFor("the first deployment", () => deployed(double, run.head_sha), {
        timeoutMs: 60_000,
      });

      const slow = acks.filter(([, ack]) => ack.ms >= 1000 || ack.status >= 300);
      expect(
        slow.map(([event, ack]) => `${event}: ${ack.status} after ${ack.ms.toFixed(0)} ms`),
      ).toEqual([]);
      expect(duplicates(double, { deployed: true })).toEqual([]);
      expect(double.violations).toEqual([]);
    } finally {
      await world.stop();
    }
  });
});

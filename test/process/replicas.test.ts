import { Redis } from "ioredis";
import { describe, expect, it, vi } from "vitest";
import { INSTALLATION_ID } from "../support/github/payloads.js";
import { formIssuePayload, ORG } from "../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";
import { duplicates, provisioned, statusComments } from "../support/process/end-state.js";
import { waitFor } from "../support/process/wait-for.js";
import { startWorld, type World } from "../support/process/world.js";
import { waitQuiet } from "../support/process/writes.js";

// Each test starts app processes (a few CPU seconds each) and waits on Probot's write
// spacing and on recovery: four minutes per test, counted from when it starts running.
vi.setConfig({ testTimeout: 240_000 });

async function twoReplicas(): Promise<World> {
  const world = await startWorld({ redis: true });
  await Promise.all([world.startApp({ name: "replica-a" }), world.startApp({ name: "replica-b" })]);
  return world;
}

/** The processes registered with one of Probot's Bottleneck limiters on the world's Redis. */
async function throttleClients(world: World, limiter: string): Promise<number> {
  const client = new Redis(world.redis?.url ?? "");
  try {
    return await client.zcard(`b_${limiter}_client_last_registered`);
  } finally {
    await client.quit();
  }
}

describe.concurrent("two replicas on one Redis", () => {
  it("the same delivery to both: one provisioning, zero duplicates", async () => {
    const world = await twoReplicas();
    try {
      const { double, apps } = world;
      const payload = formIssuePayload(double);
      const acks = await Promise.all(
        apps.map((app) => app.deliver("issues", payload, "same-delivery")),
      );
      expect(acks.map((ack) => ack.status < 300)).toEqual([true, true]);
      await waitFor("provisioning", () => provisioned(double), { timeoutMs: 60_000 });
      await waitQuiet(double, 3_500);
      expect(duplicates(double)).toEqual([]);
      expect(double.violations).toEqual([]);
      // Probot's throttling shares its limits through the same Redis (Bottleneck's clustering):
      // both replicas joined the installation's one limiter of requests.
      expect(await throttleClients(world, `octokit-global-${INSTALLATION_ID}`)).toBe(2);
    } finally {
      await world.stop();
    }
  });

  it("opened to one and edited to the other: one provisioning, zero duplicates", async () => {
    const world = await twoReplicas();
    try {
      const { double, apps } = world;
      const [a, b] = apps;
      await Promise.all([
        a?.deliver("issues", formIssuePayload(double, { action: "opened" })),
        b?.deliver("issues", formIssuePayload(double, { action: "edited" })),
      ]);
      await waitFor("provisioning", () => provisioned(double), { timeoutMs: 60_000 });
      await waitQuiet(double, 3_500);
      expect(duplicates(double)).toEqual([]);
      expect(double.violations).toEqual([]);
    } finally {
      await world.stop();
    }
  });

  it.each([
    ["older first", false],
    ["newer first", true],
  ])(
    "two first builds completing together (%s), one on each replica: the newer build is deployed",
    async (_name, newerFirst) => {
      const world = await twoReplicas();
      try {
        const { double, apps } = world;
        const [a, b] = apps;
        await a?.deliver("issues", formIssuePayload(double));
        await waitFor("provisioning", () => provisioned(double), { timeoutMs: 60_000 });
        await waitQuiet(double, 3_500);
        const service = double.state.repo(ORG, "orders-api");
        if (!service) throw new Error("no Repository_A");
        const older = startRun(double, { repo: "orders-api" });
        double.state.commitFiles(service, { "NOTES.md": "a person's change\n" }, "Add notes");
        const newer = startRun(double, { repo: "orders-api" });
        finish(older, "success");
        finish(newer, "success");
        const completed = (run: typeof older) =>
          workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });
        const [first, second] = newerFirst ? [newer, older] : [older, newer];
        await Promise.all([
          a?.deliver("workflow_run", completed(first)),
          b?.deliver("workflow_run", completed(second)),
        ]);
        const tag = () =>
          double.state.repo(ORG, "gitops")?.git.read("main")[
            "apps/orders-api/kustomization.yaml"
          ] ?? "";
        await waitFor("the newer build to be deployed", () => tag().includes(newer.head_sha), {
          timeoutMs: 60_000,
        });
        await waitQuiet(double, 5_000);
        expect(tag()).toContain(`newTag: "${newer.head_sha}"`);
        const deploys = (double.state.repo(ORG, "gitops")?.git.history("main") ?? []).filter(
          (commit) => commit.message.includes("orders-api"),
        );
        // Older then newer may deploy the older build first and bump to the newer one; never
        // the other way round, and never the same build twice.
        expect(deploys[0]?.message).toContain(newer.head_sha.slice(0, 7));
        expect(deploys.length).toBeLessThanOrEqual(2);
        expect(statusComments(double)).toHaveLength(1);
        expect(double.violations).toEqual([]);
      } finally {
        await world.stop();
      }
    },
  );
});

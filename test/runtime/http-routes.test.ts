import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { pino } from "pino";
import { Probot, ProbotOctokit, Server } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { readIssueForm } from "../../src/app/issue-form.js";
import { MemoryQueue } from "../../src/runtime/memory-queue.js";
import type { Runtime } from "../../src/runtime/runtime.js";
import { freePort } from "../support/django/free-port.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
  double.allowLoopback();
});

const SECRET = "webhook-secret-for-tests";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The app behind Probot's real HTTP server on a free loopback port. */
async function startServer(): Promise<{ base: string; runtime: Runtime }> {
  let runtime: Runtime | undefined;
  const log = pino({ level: "silent" });
  server = new Server({
    host: "127.0.0.1",
    // Probot reads port 0 as "unset" (3000): take a free one.
    port: await freePort(),
    log,
    Probot: Probot.defaults({
      appId: 1,
      privateKey,
      secret: SECRET,
      log,
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
        ...options,
        retry: { enabled: false },
        throttle: { enabled: false },
      })),
    }),
  });
  await server.load(
    createApp({
      env: { DEVPORTAL_SECRET_REGISTRY_PASSWORD: "s3cr3t-registry-value" },
      issueForm: readIssueForm(),
      sleep: async () => {},
      queue: new MemoryQueue({ wait: () => 0 }),
      recovery: false,
      onRuntime: (started) => {
        runtime = started;
      },
    }),
  );
  await server.start();
  if (!runtime) throw new Error("runtime not started");
  return { base: `http://127.0.0.1:${server.port}`, runtime };
}

/** A webhook as GitHub sends it: JSON body signed with the shared secret. */
function deliver(base: string, name: string, payload: unknown, id = randomUUID()) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  return fetch(`${base}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": name,
      "x-github-delivery": id,
      "x-hub-signature-256": signature,
    },
    body,
  });
}

function sample(text: string, name: string, labels = ""): number {
  const prefix = labels ? `${name}{${labels}}` : name;
  const line = text.split("\n").find((row) => row.startsWith(`${prefix} `));
  return line ? Number(line.slice(prefix.length + 1)) : 0;
}

describe("the app's HTTP server", () => {
  it("answers /healthz and /readyz", async () => {
    const { base } = await startServer();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok\n");
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, queue: "memory" });
  });

  it("is not ready once its queue is closed", async () => {
    const { base, runtime } = await startServer();
    await runtime.close();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, queue: "memory" });
  });

  it("refuses a delivery with a wrong signature and queues nothing", async () => {
    const { base, runtime } = await startServer();
    const body = JSON.stringify(formIssuePayload(double));
    const response = await fetch(`${base}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(await runtime.queue.depth()).toBe(0);
    expect(double.calls).toEqual([]);
  });

  it("serves /metrics, whose counters move with a provisioning", async () => {
    const { base, runtime } = await startServer();
    const before = await (await fetch(`${base}/metrics`)).text();
    expect(sample(before, "devportal_queue_depth")).toBe(0);
    expect(
      sample(before, "devportal_provisioning_duration_seconds_count", 'outcome="provisioning"'),
    ).toBe(0);

    const answer = await deliver(base, "issues", formIssuePayload(double));
    expect(answer.status).toBe(200);
    await runtime.queue.idle();
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0]?.body).toContain(
      "✅ **Code pushed**",
    );

    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(
      sample(text, "devportal_deliveries_total", 'event="issues.opened",outcome="queued"'),
    ).toBe(1);
    expect(
      sample(text, "devportal_provisioning_duration_seconds_count", 'outcome="provisioning"'),
    ).toBe(1);
    expect(
      sample(text, "devportal_job_duration_seconds_count", 'event="issues",result="done"'),
    ).toBe(1);
    const writes = double.writes().filter((call) => call.status < 400).length;
    const counted = ["POST", "PUT", "PATCH", "DELETE"].reduce(
      (sum, method) => sum + sample(text, "devportal_github_writes_total", `method="${method}"`),
      0,
    );
    // Every accepted write, the installation token included (it goes through the same client).
    expect(counted).toBe(writes);
    expect(text).toContain(
      'devportal_github_requests_total{method="POST",route="/orgs/{org}/repos",status="201"} 1',
    );
    // Labels carry route templates, never a repository, a user or a delivery id.
    expect(text).not.toMatch(/acme|octocat|orders-api/);
  });
});

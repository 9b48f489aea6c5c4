import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Job, JobResult, RunJob } from "../../src/runtime/job.js";
import { RedisQueue } from "../../src/runtime/redis-queue.js";
import { type RunningRedis, startRedis } from "../support/redis/start-redis.js";

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const opened: RedisQueue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

/** A replica's queue on the test's Redis; `prefix` isolates each test's jobs. */
function replica(prefix: string): RedisQueue {
  const queue = new RedisQueue({
    url: redis.url,
    prefix,
    log: pino({ level: "silent" }),
    leaseMs: 1_000,
    stalledIntervalMs: 500,
    lockDurationMs: 1_000,
  });
  opened.push(queue);
  return queue;
}

const job = (id: string, key: string, payload: unknown = {}): Job => ({
  id,
  key,
  name: "issues",
  payload,
  attempt: 0,
});

/** Run functions for several replicas that share one record of who ran what, when. */
function sharedRecorder(workMs = 30) {
  const running = new Map<string, number>();
  const ran: string[] = [];
  let overlap = 0;
  const run: RunJob = async (current) => {
    const now = (running.get(current.key) ?? 0) + 1;
    running.set(current.key, now);
    overlap = Math.max(overlap, now);
    await new Promise((resolve) => setTimeout(resolve, workMs));
    running.set(current.key, (running.get(current.key) ?? 1) - 1);
    ran.push(current.id);
    return { kind: "done" };
  };
  return { run, ran, overlap: () => overlap };
}

describe("the Redis engine (BullMQ on a real redis-server)", () => {
  it("keeps a delivery id once, across replicas, before and after it ran", async () => {
    const prefix = randomUUID();
    const [a, b] = [replica(prefix), replica(prefix)];
    const spy = sharedRecorder();
    await a.start(spy.run);
    expect(await a.add(job("d-1", "request:acme/requests#7"))).toBe("queued");
    expect(await b.add(job("d-1", "request:acme/requests#7"))).toBe("duplicate");
    await a.idle();
    expect(await b.add(job("d-1", "request:acme/requests#7"))).toBe("duplicate");
    await a.idle();
    expect(spy.ran).toEqual(["d-1"]);
  });

  it("runs one job per key at a time across two replicas, every job once", async () => {
    const prefix = randomUUID();
    const [a, b] = [replica(prefix), replica(prefix)];
    const spy = sharedRecorder();
    await a.start(spy.run);
    await b.start(spy.run);
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      ids.push(`same-${index}`, `other-${index}`);
      await (index % 2 ? a : b).add(job(`same-${index}`, "request:acme/requests#7"));
      await (index % 2 ? b : a).add(job(`other-${index}`, `request:acme/requests#${100 + index}`));
    }
    await a.idle();
    expect(spy.overlap()).toBe(1);
    expect([...spy.ran].sort()).toEqual(ids.sort());
  });

  it("runs a job answered retry again after its delay, with its attempt raised", async () => {
    const queue = replica(randomUUID());
    const seen: { attempt: number; at: number }[] = [];
    await queue.start(async (current): Promise<JobResult> => {
      seen.push({ attempt: current.attempt, at: Date.now() });
      return current.attempt === 0 ? { kind: "retry", delayMs: 300 } : { kind: "done" };
    });
    await queue.add(job("r-1", "k"));
    await queue.idle();
    expect(seen.map((entry) => entry.attempt)).toEqual([0, 1]);
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it("keeps the payload intact through Redis", async () => {
    const queue = replica(randomUUID());
    const payload = { action: "opened", issue: { number: 7, body: "### Service\n\norders-api ✓" } };
    const received: unknown[] = [];
    await queue.start(async (current) => {
      received.push(current.payload);
      return { kind: "done" };
    });
    await queue.add(job("p-1", "k", payload));
    await queue.idle();
    expect(received).toEqual([payload]);
  });

  it("a job whose replica is SIGKILLed is picked up by another replica", async () => {
    const prefix = randomUUID();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(import.meta.dirname, "../support/redis/hanging-replica.ts"),
        redis.url,
        prefix,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    const said = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => output.includes(text) && resolve();
        child.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          check();
        });
        check();
      });
    await said("ready");
    const survivor = replica(prefix);
    await survivor.add(job("crash-1", "request:acme/requests#7"));
    await said("started crash-1");
    child.kill("SIGKILL");

    const spy = sharedRecorder();
    const killedAt = Date.now();
    await survivor.start(spy.run);
    await survivor.idle();
    expect(spy.ran).toEqual(["crash-1"]);
    // BullMQ's lock (1 s here) and the key lease (1 s) ran out, then the stalled check moved it.
    expect(Date.now() - killedAt).toBeLessThan(10_000);
  });

  it("is ready while Redis answers, and not once it is gone", async () => {
    const own = await startRedis();
    const queue = new RedisQueue({ url: own.url, log: pino({ level: "silent" }) });
    try {
      expect(await queue.ready()).toBe(true);
      await own.stop();
      expect(await queue.ready()).toBe(false);
      await expect(queue.add(job("lost", "k"))).rejects.toThrow(/took longer than/);
    } finally {
      await queue.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import type { Job, JobResult } from "../../src/runtime/job.js";
import { MemoryQueue } from "../../src/runtime/memory-queue.js";

const job = (id: string, key: string): Job => ({
  id,
  key,
  name: "issues",
  payload: {},
  attempt: 0,
});

/** A run function that records overlap per key and finishes when told. */
function recorder() {
  const running = new Map<string, number>();
  const log: string[] = [];
  let maxPerKey = 0;
  let maxTotal = 0;
  return {
    log,
    max: () => ({ perKey: maxPerKey, total: maxTotal }),
    run: async (current: Job): Promise<JobResult> => {
      running.set(current.key, (running.get(current.key) ?? 0) + 1);
      maxPerKey = Math.max(maxPerKey, ...running.values());
      maxTotal = Math.max(
        maxTotal,
        [...running.values()].reduce((a, b) => a + b, 0),
      );
      log.push(`start ${current.id}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${current.id}`);
      running.set(current.key, (running.get(current.key) ?? 1) - 1);
      return { kind: "done" };
    },
  };
}

describe("the in-process queue", () => {
  it("runs one job per key at a time, in arrival order, and different keys side by side", async () => {
    const queue = new MemoryQueue({ concurrency: 4 });
    const spy = recorder();
    await queue.start(spy.run);
    for (const [id, key] of [
      ["a1", "a"],
      ["b1", "b"],
      ["a2", "a"],
      ["a3", "a"],
      ["b2", "b"],
    ] as const) {
      await queue.add(job(id, key));
    }
    await queue.idle();
    expect(spy.max()).toEqual({ perKey: 1, total: 2 });
    const order = spy.log.filter((line) => line.includes(" a"));
    expect(order).toEqual(["start a1", "end a1", "start a2", "end a2", "start a3", "end a3"]);
  });

  it("answers duplicate for a job id seen before, and runs it once", async () => {
    const queue = new MemoryQueue();
    const spy = recorder();
    await queue.start(spy.run);
    expect(await queue.add(job("d1", "k"))).toBe("queued");
    expect(await queue.add(job("d1", "k"))).toBe("duplicate");
    await queue.idle();
    expect(await queue.add(job("d1", "k"))).toBe("duplicate");
    await queue.idle();
    expect(spy.log).toEqual(["start d1", "end d1"]);
  });

  it("runs a job answered retry again after the delay, with its attempt raised", async () => {
    const waits: number[] = [];
    const queue = new MemoryQueue({
      wait: (ms) => {
        waits.push(ms);
        return 0;
      },
    });
    const attempts: number[] = [];
    await queue.start(async (current) => {
      attempts.push(current.attempt);
      return current.attempt < 2 ? { kind: "retry", delayMs: 1500 } : { kind: "done" };
    });
    await queue.add(job("r1", "k"));
    await queue.idle();
    expect(attempts).toEqual([0, 1, 2]);
    expect(waits).toEqual([1500, 1500]);
  });

  it("counts waiting, delayed and running jobs in its depth", async () => {
    const queue = new MemoryQueue({ concurrency: 1 });
    let release = () => {};
    await queue.start(
      () =>
        new Promise<JobResult>((resolve) => {
          release = () => resolve({ kind: "done" });
        }),
    );
    await queue.add(job("x1", "a"));
    await queue.add(job("x2", "b"));
    expect(await queue.depth()).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await queue.idle();
    expect(await queue.depth()).toBe(0);
  });
});

import type { Job, RunJob } from "./job.js";
import type { JobQueue } from "./queue.js";

export interface MemoryQueueOptions {
  /** Jobs of different keys running at once (default 4). */
  concurrency?: number;
  /** Delivery ids remembered for duplicates (default 10,000; the oldest are forgotten). */
  remember?: number;
  /** How long a retry really waits for a requested delay (tests shorten it). */
  wait?: (delayMs: number) => number;
}

/**
 * The embedded engine: one replica, nothing to install. Jobs live in this process: a crash
 * loses the queue, and the recovery sweep (recover-unfinished.ts) finds the unfinished
 * requests again from what GitHub holds, and failed deliveries are redelivered.
 */
export class MemoryQueue implements JobQueue {
  readonly engine = "memory";
  private readonly concurrency: number;
  private readonly remember: number;
  private readonly wait: (delayMs: number) => number;
  private readonly seen = new Map<string, true>();
  /** Waiting jobs per key, in arrival order. */
  private readonly waiting = new Map<string, Job[]>();
  private readonly running = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idlers: (() => void)[] = [];
  private run: RunJob | undefined;
  private closed = false;

  constructor(options: MemoryQueueOptions = {}) {
    this.concurrency = options.concurrency ?? 4;
    this.remember = options.remember ?? 10_000;
    this.wait = options.wait ?? ((delayMs) => delayMs);
  }

  async add(job: Job): Promise<"queued" | "duplicate"> {
    if (this.seen.has(job.id)) return "duplicate";
    this.seen.set(job.id, true);
    if (this.seen.size > this.remember) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.enqueue(job);
    return "queued";
  }

  async start(run: RunJob): Promise<void> {
    this.run = run;
    this.pump();
  }

  async depth(): Promise<number> {
    let waiting = 0;
    for (const jobs of this.waiting.values()) waiting += jobs.length;
    return waiting + this.running.size + this.timers.size;
  }

  async ready(): Promise<boolean> {
    return !this.closed;
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting.clear();
    await this.idle();
  }

  private enqueue(job: Job): void {
    const jobs = this.waiting.get(job.key) ?? [];
    jobs.push(job);
    this.waiting.set(job.key, jobs);
    this.pump();
  }

  private pump(): void {
    const run = this.run;
    if (!run || this.closed) {
      this.settle();
      return;
    }
    for (const [key, jobs] of this.waiting) {
      if (this.running.size >= this.concurrency) break;
      if (this.running.has(key)) continue;
      const job = jobs.shift();
      if (jobs.length === 0) this.waiting.delete(key);
      if (!job) continue;
      this.running.add(key);
      void this.execute(run, job);
    }
    this.settle();
  }

  private async execute(run: RunJob, job: Job): Promise<void> {
    // The worker reports every outcome as data; an exception here is a bug in the worker,
    // and must not wedge the key.
    const result = await run(job).catch(() => ({ kind: "failed" }) as const);
    this.running.delete(job.key);
    if (result.kind === "retry" && !this.closed) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.enqueue({ ...job, attempt: job.attempt + 1 });
      }, this.wait(result.delayMs));
      this.timers.add(timer);
    }
    this.pump();
  }

  private isIdle(): boolean {
    return this.waiting.size === 0 && this.running.size === 0 && this.timers.size === 0;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idlers.splice(0)) resolve();
  }
}

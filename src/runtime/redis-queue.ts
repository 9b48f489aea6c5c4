import { type Job as BullJob, DelayedError, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "probot";
import type { Job, RunJob } from "./job.js";
import { acquireKeyLock } from "./key-lock.js";
import type { JobQueue } from "./queue.js";

const QUEUE_NAME = "devportal";
/** How long a redelivery of the same delivery id is recognised (GitHub keeps deliveries
 * for three days; redeliveries come within minutes to hours). */
const REMEMBER_SECONDS = 3 * 24 * 3600;
/** Longest a delivery waits for Redis to record its job. */
const ADD_TIMEOUT_MS = 3_000;

export interface RedisQueueOptions {
  url: string;
  log: Logger;
  /** Jobs of different keys one replica runs at once (default 4). */
  concurrency?: number;
  /** Lease of a key lock, renewed while the job runs (default 30 s). */
  leaseMs?: number;
  /** How often BullMQ looks for jobs of a dead replica (default 30 s; tests shorten it). */
  stalledIntervalMs?: number;
  /** BullMQ's job lock, renewed while a job runs; a dead replica's jobs are taken back
   * after it runs out (default 30 s). */
  lockDurationMs?: number;
  /** Redis key prefix (tests isolate runs with it). */
  prefix?: string;
}

/**
 * The distributed engine on Redis, built on BullMQ. Every replica adds jobs and works them.
 * - Duplicates: the delivery id is the BullMQ job id, and finished jobs are kept three days,
 *   so a redelivery finds its job and adds nothing.
 * - Crashes: a job whose replica died stops renewing BullMQ's job lock; the stalled-job check
 *   puts it back in the queue for another replica.
 * - One key at a time across replicas: BullMQ's groups are a Pro feature, so each job takes a
 *   Redis lease on its key (key-lock.ts) and, when another replica holds it, moves itself back
 *   to the delayed set for a moment. We chose a lock per key over "one job per key with a
 *   deterministic job id, re-enqueued on conflict" because a deterministic id would fold
 *   distinct deliveries of one request (opened, then edited; two builds of one service)
 *   into one job and lose all but one payload, or need bookkeeping that races with the job's
 *   completion; with the lock every delivery stays its own job, deduplicated by its own id.
 *   The lock prevents overlap; correctness does not rest on it alone: every step re-reads
 *   GitHub before writing, and ref updates are compare-and-swap (`force: false`), so a lease
 *   lost to a stalled event loop costs a re-read, never a duplicate.
 */
export class RedisQueue implements JobQueue {
  readonly engine = "redis";
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: Redis | undefined;
  private readonly options: Required<Omit<RedisQueueOptions, "log" | "url">> & RedisQueueOptions;

  constructor(options: RedisQueueOptions) {
    this.options = {
      concurrency: 4,
      leaseMs: 30_000,
      stalledIntervalMs: 30_000,
      lockDurationMs: 30_000,
      prefix: "bull",
      ...options,
    };
    // BullMQ needs maxRetriesPerRequest null on connections it blocks on.
    this.connection = new Redis(options.url, { maxRetriesPerRequest: null });
    this.connection.on("error", (error) => options.log.warn({ err: error }, "redis error"));
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.connection,
      prefix: this.options.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: REMEMBER_SECONDS },
        removeOnFail: { age: REMEMBER_SECONDS },
      },
    });
    this.queue.on("error", (error) => options.log.warn({ err: error }, "queue error"));
  }

  async add(job: Job): Promise<"queued" | "duplicate"> {
    // Redis away: fail the delivery quickly (GitHub marks it failed and the redelivery
    // sweep sends it again) rather than hold it until GitHub gives up at 10 s.
    return withTimeout(this.addNow(job), ADD_TIMEOUT_MS, "recording the job in Redis");
  }

  private async addNow(job: Job): Promise<"queued" | "duplicate"> {
    // BullMQ ignores an add whose job id exists; asking first tells the caller which it was.
    // BullMQ refuses custom ids holding ":" (its key separator); recovery and per-subject ids
    // have them, so they are escaped one-to-one.
    const jobId = job.id.replaceAll("%", "%25").replaceAll(":", "%3A");
    if (await this.queue.getJob(jobId)) return "duplicate";
    await this.queue.add(job.name, job, { jobId });
    return "queued";
  }

  async start(run: RunJob): Promise<void> {
    const { log } = this.options;
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    this.worker = new Worker(QUEUE_NAME, (bullJob, token) => this.process(run, bullJob, token), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      stalledInterval: this.options.stalledIntervalMs,
      lockDuration: this.options.lockDurationMs,
      // A replica killed mid-job must not fail the job: it is picked up again.
      maxStalledCount: 100,
    });
    this.worker.on("error", (error) => log.warn({ err: error }, "queue worker error"));
    await this.worker.waitUntilReady();
  }

  private async process(run: RunJob, bullJob: BullJob, token: string | undefined): Promise<void> {
    const job = bullJob.data as Job;
    const lock = await acquireKeyLock(this.connection, {
      key: job.key,
      leaseMs: this.options.leaseMs,
      onLost: () => this.options.log.warn({ delivery: job.id, key: job.key }, "key lease lost"),
    });
    if (!lock) {
      // Another replica works on this request: come back shortly (jitter spreads retries).
      await bullJob.moveToDelayed(Date.now() + 250 + Math.floor(Math.random() * 500), token);
      throw new DelayedError();
    }
    let result: Awaited<ReturnType<RunJob>>;
    try {
      result = await run(job);
    } finally {
      await lock.release();
    }
    if (result.kind === "retry") {
      await bullJob.updateData({ ...job, attempt: job.attempt + 1 });
      await bullJob.moveToDelayed(Date.now() + result.delayMs, token);
      throw new DelayedError();
    }
  }

  async depth(): Promise<number> {
    return this.queue.getJobCountByTypes("wait", "delayed", "active", "prioritized");
  }

  async ready(): Promise<boolean> {
    try {
      return (await withTimeout(this.connection.ping(), 1_000, "PING")) === "PONG";
    } catch {
      return false;
    }
  }

  async idle(): Promise<void> {
    while ((await this.depth()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  async close(): Promise<void> {
    // Running jobs finish; with Redis gone nothing can be handed back, so stop waiting.
    await withTimeout(
      this.worker?.close() ?? Promise.resolve(),
      10_000,
      "closing the worker",
    ).catch(() => undefined);
    await withTimeout(this.queue.close(), 2_000, "closing the queue").catch(() => undefined);
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import type { Job, RunJob } from "./job.js";

/**
 * The queue the webhook handlers record jobs in and the worker takes them from. Two engines
 * implement it: in the process (the default, one replica) and on Redis (`REDIS_URL`, any
 * number of replicas). Both promise the same three things:
 * - a job id seen before (a redelivery) is not run again;
 * - jobs with one key never run at the same time;
 * - a job answered `retry` runs again after the delay, with `attempt` raised.
 */
export interface JobQueue {
  readonly engine: "memory" | "redis";
  /** Record a job; "duplicate" when its id was recorded before (nothing is added). */
  add(job: Job): Promise<"queued" | "duplicate">;
  /** Start taking jobs. */
  start(run: RunJob): Promise<void>;
  /** Jobs waiting, delayed or running: the `devportal_queue_depth` gauge. */
  depth(): Promise<number>;
  /** Whether jobs can be recorded now (Redis reachable): the `/readyz` answer. */
  ready(): Promise<boolean>;
  /** Resolves when nothing is waiting, delayed or running (tests, graceful stop). */
  idle(): Promise<void>;
  /** Stop taking jobs and let running ones finish. */
  close(): Promise<void>;
}

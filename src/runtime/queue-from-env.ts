import type { Logger } from "probot";
import { MemoryQueue } from "./memory-queue.js";
import type { JobQueue } from "./queue.js";
import { RedisQueue } from "./redis-queue.js";

/** `REDIS_URL` set: the durable queue on Redis (any number of replicas); otherwise the
 * queue lives in this process (one replica). `DEVPORTAL_CONCURRENCY` bounds the jobs of
 * different requests one replica runs at once (default 4). `DEVPORTAL_LOCK_SECONDS` (Redis
 * only, default 30) is how long a dead replica's job and request lease stay held before
 * another replica takes them over: shorter heals a crash sooner, but a replica whose event
 * loop stalls longer than it loses its lease (a re-read, never a duplicate). */
export function queueFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  log: Logger,
): JobQueue {
  const concurrency = positiveInteger(env.DEVPORTAL_CONCURRENCY) ?? 4;
  const url = env.REDIS_URL;
  if (url) {
    const lockMs = (positiveInteger(env.DEVPORTAL_LOCK_SECONDS) ?? 30) * 1000;
    return new RedisQueue({
      url,
      log,
      concurrency,
      leaseMs: lockMs,
      lockDurationMs: lockMs,
      stalledIntervalMs: lockMs,
    });
  }
  return new MemoryQueue({ concurrency });
}

export function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const parsed = Number(value);
  return parsed > 0 ? parsed : undefined;
}

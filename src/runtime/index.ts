/**
 * The runtime: acknowledge, then work. Public shape (the process-level tests and the
 * benchmark rely on it):
 *
 * - `Runtime` (runtime.ts): `new Runtime({ probot, queue })`; `register(jobType)` for webhook
 *   events, `registerJob(name, jobType)` for internal jobs; `start()`, `close()`;
 *   `queue` (the engine) and `metrics` (prom-client registry behind `/metrics`).
 * - `JobQueue` (queue.ts): `add(job) -> "queued" | "duplicate"`, `start(run)`, `depth()`,
 *   `ready()`, `idle()`, `close()`. Engines: `MemoryQueue` (memory-queue.ts, default, one
 *   replica) and `RedisQueue` (redis-queue.ts, BullMQ, `REDIS_URL`, any number of replicas).
 * - `Job` (job.ts): `{ id (delivery id), key, name (event), payload, subject?, attempt }`.
 * - `JobType` (job-type.ts): `{ events, accept(context) -> [{ key, subject? }], work(context, run) }`.
 * - Transient failures (transient.ts): `transientReason`, `retryPlan`, `retryNote`, `RetryLater`.
 * - HTTP (http-routes.ts): `GET /healthz`, `/readyz` (200/503 JSON `{ ready, queue }`), `/metrics`.
 * - Recovery (recovery/recover.ts): `recoverOnce({ probot, runtime, log, slotMs, identity, env })` runs one
 *   sweep (failed deliveries redelivered, unfinished requests queued as `devportal.recover`);
 *   `startRecovery` runs it 2 s after start and every `DEVPORTAL_RECOVERY_INTERVAL` seconds.
 *
 * Environment: `REDIS_URL`, `DEVPORTAL_CONCURRENCY` (default 4), `DEVPORTAL_RECOVERY_INTERVAL`
 * (seconds, default 300, 0 = off).
 */
export type { Job, JobResult, RunJob } from "./job.js";
export type { Accepted, JobRun, JobType, WorkOutcome } from "./job-type.js";
export { MemoryQueue } from "./memory-queue.js";
export type { JobQueue } from "./queue.js";
export { queueFromEnv } from "./queue-from-env.js";
export { recoverOnce, startRecovery } from "./recovery/recover.js";
export { RedisQueue } from "./redis-queue.js";
export { Runtime } from "./runtime.js";
export { RetryLater, retryNote, retryPlan, transientReason } from "./transient.js";

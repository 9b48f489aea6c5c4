/**
 * A replica for the crash test, run as its own process: it takes jobs from the Redis queue,
 * prints the id of each one it starts, and never finishes any — the parent SIGKILLs it.
 * Usage: tsx hanging-replica.ts <redis url> <prefix>
 */
import { pino } from "pino";
import { RedisQueue } from "../../../src/runtime/redis-queue.js";

const [url = "", prefix = ""] = process.argv.slice(2);
const queue = new RedisQueue({
  url,
  prefix,
  log: pino({ level: "silent" }),
  leaseMs: 1_000,
  stalledIntervalMs: 500,
  lockDurationMs: 1_000,
});
await queue.start(async (job) => {
  process.stdout.write(`started ${job.id}\n`);
  return new Promise(() => {});
});
process.stdout.write("ready\n");

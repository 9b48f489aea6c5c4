import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** Deletes the lock only while it is still ours (the token is the fence). */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Extends the lease only while it is still ours. */
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  /** False once the lease was lost (expired and possibly taken by another replica). */
  held(): boolean;
  release(): Promise<void>;
}

/**
 * A lease on one job key in Redis: `SET key token NX PX lease`, renewed at a third of the
 * lease while the work runs, released by compare-and-delete. A replica that dies stops
 * renewing and its lease runs out, so a key is never locked for longer than `leaseMs`
 * after a crash.
 */
export async function acquireKeyLock(
  redis: Redis,
  params: { key: string; leaseMs: number; onLost: () => void },
): Promise<HeldLock | undefined> {
  const lockKey = `devportal:lock:${params.key}`;
  const token = randomUUID();
  const taken = await redis.set(lockKey, token, "PX", params.leaseMs, "NX");
  if (taken !== "OK") return undefined;
  let held = true;
  const timer = setInterval(
    () => {
      redis
        .eval(RENEW, 1, lockKey, token, String(params.leaseMs))
        .then((renewed) => {
          if (renewed === 1 || !held) return;
          held = false;
          params.onLost();
        })
        // A Redis hiccup is not a lost lease yet; the next renewal tells.
        .catch(() => undefined);
    },
    Math.max(100, Math.floor(params.leaseMs / 3)),
  );
  timer.unref();
  return {
    held: () => held,
    release: async () => {
      clearInterval(timer);
      held = false;
      await redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    },
  };
}

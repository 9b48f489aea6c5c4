import type { Logger, Probot } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Runtime } from "../runtime.js";
import { findUnfinished } from "./find-unfinished.js";
import { redeliverFailed } from "./redeliver-failed.js";
import { RECOVER_JOB } from "./resume-request.js";

/**
 * One recovery sweep: redeliver failed deliveries, then queue every unfinished request
 * found on GitHub. Job ids carry the sweep's time slot, so replicas sweeping the same slot
 * queue each request once, and the next slot may queue it again.
 */
export async function recoverOnce(params: {
  probot: Probot;
  runtime: Runtime;
  log: Logger;
  slotMs: number;
  now?: number;
  /** The app's own identity (ResolvedDeps.app). */
  identity: () => Promise<AppIdentity>;
}): Promise<{ redelivered: number; queued: number }> {
  const { runtime, log } = params;
  const redelivered = await redeliverFailed({
    probot: params.probot,
    log,
    metrics: runtime.metrics,
  });
  const slot = Math.floor((params.now ?? Date.now()) / Math.max(1, params.slotMs));
  let queued = 0;
  for (const payload of await findUnfinished({ ...params, log })) {
    const added = await runtime.queue.add({
      id: `recover:${payload.key}:${slot}`,
      key: payload.key,
      name: RECOVER_JOB,
      payload,
      attempt: 0,
    });
    if (added === "queued") {
      queued += 1;
      runtime.metrics.recovered.inc({ kind: "request" });
    }
  }
  if (redelivered + queued > 0) log.info({ redelivered, queued }, "recovery sweep");
  return { redelivered, queued };
}

/**
 * Sweep soon after start (a crash is over) and then every `intervalMs`. Errors are logged
 * and the next sweep tries again. Returns the function that stops the timers.
 */
export function startRecovery(params: {
  probot: Probot;
  runtime: Runtime;
  log: Logger;
  intervalMs: number;
  firstDelayMs?: number;
  identity: () => Promise<AppIdentity>;
}): () => void {
  const sweep = () =>
    recoverOnce({ ...params, slotMs: params.intervalMs }).catch((error: unknown) =>
      params.log.warn({ err: error }, "recovery sweep failed; the next one tries again"),
    );
  const first = setTimeout(sweep, params.firstDelayMs ?? 2_000);
  const every = setInterval(sweep, params.intervalMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

import type { Logger, Probot } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Runtime } from "../runtime.js";
import { OVERDUE_JOB } from "./check-deploy-report.js";
import { findUnfinished } from "./find-unfinished.js";
import { redeliverFailed } from "./redeliver-failed.js";
import { RECOVER_JOB } from "./resume-request.js";

/**
 * One recovery sweep: redeliver failed deliveries, then queue every unfinished request
 * found on GitHub, and the overdue check of every deploy still waiting for Argo CD. Job ids carry the sweep's time slot, so replicas sweeping the same slot
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
  /** The app's environment (ResolvedDeps.env): where the portal settings are. */
  env: Readonly<Record<string, string | undefined>>;
}): Promise<{ redelivered: number; queued: number }> {
  const { runtime, log } = params;
  const redelivered = await redeliverFailed({
    probot: params.probot,
    log,
    metrics: runtime.metrics,
  });
  const slot = Math.floor((params.now ?? Date.now()) / Math.max(1, params.slotMs));
  let queued = 0;
  const sweptAt = new Date(params.now ?? Date.now()).toISOString();
  const now = params.now ?? Date.now();
  for (const payload of await findUnfinished({ ...params, log, now })) {
    const argocd = payload.awaiting === "argocd";
    const added = await runtime.queue.add({
      id: `${argocd ? "overdue" : "recover"}:${payload.key}:${slot}`,
      key: payload.key,
      name: argocd ? OVERDUE_JOB : RECOVER_JOB,
      payload: { ...payload, sweptAt },
      attempt: 0,
    });
    if (added === "queued") {
      queued += 1;
      runtime.metrics.recovered.inc({ kind: argocd ? "deploy-report" : "request" });
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
  env: Readonly<Record<string, string | undefined>>;
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

import type { Logger, Probot } from "probot";
import { listHookDeliveries, redeliverHookDelivery } from "../../github/apps.js";
import type { RuntimeMetrics } from "../metrics.js";

/** Failed deliveries older than this are left alone (GitHub keeps three days). */
export const REDELIVERY_WINDOW_MS = 24 * 3600_000;
/** Attempts of one delivery (the original included) after which it is left to a human. */
const MAX_ATTEMPTS = 4;

/**
 * Ask GitHub to send again the deliveries this app failed to take (answered 4xx/5xx, or
 * not answered: status 0), unless an attempt with the same GUID succeeded. GitHub never
 * redelivers by itself. A redelivery keeps its `X-GitHub-Delivery`, so two replicas asking
 * for the same one cost a duplicate delivery that the queue ignores.
 */
export async function redeliverFailed(params: {
  probot: Probot;
  log: Logger;
  metrics: RuntimeMetrics;
  now?: number;
}): Promise<number> {
  const app = await params.probot.auth();
  const since = new Date((params.now ?? Date.now()) - REDELIVERY_WINDOW_MS);
  const deliveries = await listHookDeliveries(app, { since });
  // Newest first, as GitHub lists them.
  const byGuid = new Map<string, typeof deliveries>();
  for (const delivery of deliveries) {
    byGuid.set(delivery.guid, [...(byGuid.get(delivery.guid) ?? []), delivery]);
  }
  let redelivered = 0;
  for (const [guid, attempts] of byGuid) {
    if (attempts.some((attempt) => attempt.statusCode >= 200 && attempt.statusCode < 300)) continue;
    if (attempts.length >= MAX_ATTEMPTS) continue;
    const latest = attempts[0];
    if (!latest) continue;
    await redeliverHookDelivery(app, latest.id);
    params.metrics.recovered.inc({ kind: "redelivery" });
    params.log.info(
      { delivery: guid, event: latest.event, status: latest.statusCode },
      "failed delivery redelivered",
    );
    redelivered += 1;
  }
  return redelivered;
}

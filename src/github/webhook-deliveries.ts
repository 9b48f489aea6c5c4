import type { Octokit } from "./octokit.js";

export interface HookDelivery {
  id: number;
  guid: string;
  event: string;
  statusCode: number;
  deliveredAt: Date;
}

/**
 * The app's webhook deliveries since `since`, newest first (app JWT client). GitHub lists
 * newest first with cursor pagination, so reading stops at the first older page.
 */
export async function listHookDeliveries(
  appOctokit: Octokit,
  params: { since: Date },
): Promise<HookDelivery[]> {
  const found: HookDelivery[] = [];
  for await (const { data } of appOctokit.paginate.iterator(
    appOctokit.rest.apps.listWebhookDeliveries,
    { per_page: 100 },
  )) {
    for (const delivery of data) {
      const deliveredAt = new Date(delivery.delivered_at);
      if (deliveredAt < params.since) return found;
      found.push({
        id: delivery.id,
        guid: delivery.guid,
        event: delivery.event,
        statusCode: delivery.status_code,
        deliveredAt,
      });
    }
  }
  return found;
}

/** Ask GitHub to send a delivery again (same `X-GitHub-Delivery`, so it stays deduplicated). */
export async function redeliverHookDelivery(appOctokit: Octokit, id: number): Promise<void> {
  await appOctokit.rest.apps.redeliverWebhookDelivery({ delivery_id: id });
}

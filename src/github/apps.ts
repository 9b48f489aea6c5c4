/** The app itself (app JWT client, `probot.auth()` without an installation): where it is
 * installed, and its webhook deliveries. `listRepositories` takes an installation client. */

import type { Octokit } from "./octokit.js";

/** Where the app is installed (app JWT client): the installation ids and account logins. */
export async function listInstallations(
  appOctokit: Octokit,
): Promise<{ id: number; account: string }[]> {
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
    per_page: 100,
  });
  return installations.map((installation) => ({
    id: installation.id,
    account:
      installation.account && "login" in installation.account ? installation.account.login : "",
  }));
}

/** The repositories an installation may read, archived ones left out, with their count of
 * open issues and pull requests (GitHub counts both). */
export async function listRepositories(
  octokit: Octokit,
): Promise<{ owner: string; repo: string; defaultBranch: string; openIssues: number }[]> {
  const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
    per_page: 100,
  });
  return repositories
    .filter((repository) => !repository.archived)
    .map((repository) => ({
      owner: repository.owner.login,
      repo: repository.name,
      defaultBranch: repository.default_branch,
      openIssues: repository.open_issues_count,
    }));
}

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

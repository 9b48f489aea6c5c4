import { type Octokit, type RepoParams, statusOf } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import { CATALOG_PATH, parseCatalog } from "./commit-gitops.js";

/**
 * The hosts each service in Repository_B serves, from its catalog (the README every
 * deployment rewrites, one row per `apps/<service>/` with its URL): one read for the whole
 * repository, where reading every `apps/*\/ingress.yaml` would cost a call per service.
 */
export function hostsByService(readme: string | undefined): Record<string, string[]> {
  const hosts: Record<string, string[]> = {};
  for (const entry of parseCatalog(readme)) {
    const host = hostOf(entry.url);
    if (host) hosts[entry.service] = [...(hosts[entry.service] ?? []), host];
  }
  return hosts;
}

/** The served hosts of the GitOps repository at `ref` (default branch); undefined when it
 * cannot be read (missing, no access): the deploy step reports that, and checks again. */
export async function readServedHosts(
  octokit: Octokit,
  params: RepoParams & { ref?: string },
): Promise<Record<string, string[]> | undefined> {
  try {
    const readme = await readFile(octokit, { ...params, path: CATALOG_PATH });
    return hostsByService(readme);
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 404) return undefined;
    throw error;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

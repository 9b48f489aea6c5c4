import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

/**
 * Make the issue carry `add` and not `remove`, given the labels it has now (from the
 * payload), writing only the difference (label writes are throttled like any other). Returns the
 * labels the issue carries afterwards.
 */
export async function syncLabels(
  octokit: Octokit,
  params: RepoParams & { issue: number; current: string[]; add: string[]; remove: string[] },
): Promise<string[]> {
  const { owner, repo, issue, current } = params;
  const missing = params.add.filter((label) => !current.includes(label));
  if (missing.length > 0) {
    // GitHub creates labels that do not exist yet, so a fresh request repository needs no setup.
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: issue, labels: missing });
  }
  for (const name of params.remove.filter((label) => current.includes(label))) {
    await orNotFound(() =>
      octokit.rest.issues.removeLabel({ owner, repo, issue_number: issue, name }),
    );
  }
  return [...current.filter((label) => !params.remove.includes(label)), ...missing];
}

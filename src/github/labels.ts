/** A repository's labels, created the way the app wants them to look. */

import { type Octokit, orNotFound, type RepoParams, statusOf } from "./octokit.js";

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/**
 * Create each label the repository lacks. GitHub drops a label an issue form names when it
 * does not exist, so the request label must exist before anyone files the form. A 422 is
 * a label created meanwhile (another delivery): it exists, which is all we wanted.
 */
export async function ensureLabels(
  octokit: Octokit,
  params: RepoParams & { labels: readonly LabelSpec[] },
): Promise<string[]> {
  const created: string[] = [];
  for (const label of params.labels) {
    const found = await orNotFound(() =>
      octokit.rest.issues.getLabel({ owner: params.owner, repo: params.repo, name: label.name }),
    );
    if (found) continue;
    try {
      await octokit.rest.issues.createLabel({ owner: params.owner, repo: params.repo, ...label });
      created.push(label.name);
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
    }
  }
  return created;
}

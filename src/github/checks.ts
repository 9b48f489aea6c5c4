/** Check runs. */

import type { Annotation } from "../render/feedback/fit-problems.js";
import { GITHUB_LIMITS } from "../render/feedback/github-limits.js";
import { NO_RETRY, type Octokit, type RepoParams } from "./octokit.js";

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

/**
 * Create the named check run on a commit, or update the one this app already made there
 * (a redelivered event must not stack a second run of the same name). A run that already
 * carries this conclusion, title and summary is left alone: GitHub appends annotations on
 * every update, so a redelivery must not send them again. Annotations go 50 per request,
 * the first batch with the create (or update), the rest in further updates.
 */
export async function upsertCheckRun(
  octokit: Octokit,
  params: RepoParams & {
    sha: string;
    name: string;
    conclusion: "success" | "failure" | "neutral";
    output: CheckRunOutput;
    annotations?: readonly Annotation[];
  },
): Promise<void> {
  const { owner, repo, sha, name, conclusion, output } = params;
  const { data } = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: sha,
    check_name: name,
    filter: "latest",
  });
  const existing = data.check_runs.find((run) => run.name === name);
  if (
    existing?.conclusion === conclusion &&
    existing.output?.title === output.title &&
    existing.output?.summary === output.summary
  ) {
    return;
  }
  const size = GITHUB_LIMITS.annotationsPerRequest;
  const all = params.annotations ?? [];
  const batches: Annotation[][] = [];
  for (let start = 0; start < all.length; start += size)
    batches.push(all.slice(start, start + size));
  const first = { ...output, ...(batches[0] ? { annotations: batches[0] } : {}) };
  let id: number;
  if (existing) {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: existing.id,
      status: "completed",
      conclusion,
      output: first,
    });
    id = existing.id;
  } else {
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name,
      head_sha: sha,
      status: "completed",
      conclusion,
      output: first,
      // A retried create after a lost answer would stack a second run of the same name.
      request: NO_RETRY,
    });
    id = created.data.id;
  }
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: id,
      output: { ...output, annotations: batch },
    });
  }
}

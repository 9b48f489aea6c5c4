/** Check runs. */

import { NO_RETRY, type Octokit, type RepoParams } from "./octokit.js";

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

/**
 * Create the named check run on a commit, or update the one this app already made there
 * (a redelivered event must not stack a second run of the same name).
 */
export async function upsertCheckRun(
  octokit: Octokit,
  params: RepoParams & {
    sha: string;
    name: string;
    conclusion: "success" | "failure" | "neutral";
    output: CheckRunOutput;
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
  if (existing) {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: existing.id,
      status: "completed",
      conclusion,
      output,
    });
    return;
  }
  await octokit.rest.checks.create({
    owner,
    repo,
    name,
    head_sha: sha,
    status: "completed",
    conclusion,
    output,
    // A retried create after a lost answer would stack a second run of the same name.
    request: NO_RETRY,
  });
}

import { type FoundComment, upsertComment } from "../../github/issues.js";
import { syncLabels } from "../../github/sync-labels.js";
import type { RequestJob } from "../intake/request-job.js";
import { OUTCOME_LABELS } from "../state-in-github.js";
import { renderStatusComment } from "./render-status-comment.js";
import { outcomeOf, type StatusReport } from "./status-report.js";

/**
 * Write the report: the one status comment (edited in place; unchanged text costs no
 * write) and the outcome label. Updates the job's labels so a second publish in the same run
 * writes only what changed.
 */
export async function publishStatus(
  job: RequestJob,
  params: { report: StatusReport; existing?: FoundComment },
): Promise<FoundComment> {
  const { octokit, repo, issue } = job;
  const body = renderStatusComment(params.report);
  // An unchanged report was published with its labels already; a redelivered payload
  // carries the labels of before that publish, so trusting it would write them again.
  if (params.existing?.body === body) return params.existing;
  const comment = await upsertComment(octokit, {
    ...repo,
    issue: issue.number,
    body,
    ...(params.existing ? { existing: params.existing } : {}),
  });
  // A pull request may carry several services: one outcome label could not tell them apart.
  if (job.origin.kind === "pull_request") return comment;
  const outcome = outcomeOf(params.report);
  issue.labels = await syncLabels(octokit, {
    ...repo,
    issue: issue.number,
    current: issue.labels,
    add: [OUTCOME_LABELS[outcome]],
    remove: Object.values(OUTCOME_LABELS).filter((label) => label !== OUTCOME_LABELS[outcome]),
  });
  return comment;
}

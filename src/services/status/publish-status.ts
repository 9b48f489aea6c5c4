import { type FoundComment, upsertComment } from "../../github/issues.js";
import { syncLabels } from "../../github/sync-labels.js";
import { ensureRequestLabels } from "../intake/ensure-request-labels.js";
import type { RequestJob } from "../intake/request-job.js";
import { decodeStatusMarker, OUTCOME_LABELS, REQUEST_LABEL } from "../state-in-github.js";
import { audienceOf, notifyTransition } from "./notify.js";
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
  // A request's first report on an issue: the labels it is about to carry exist, with their
  // colours (a pull request carries none). An issue that arrived with the request label
  // proves the set was made (on installation, or by an earlier first report): checking four
  // labels on every request would cost four reads each. If one was deleted since, adding it
  // makes it again, only without its colour.
  if (
    !params.existing &&
    job.origin.kind !== "pull_request" &&
    !issue.labels.includes(REQUEST_LABEL)
  ) {
    await ensureRequestLabels(octokit, repo);
  }
  const comment = await upsertComment(octokit, {
    ...repo,
    issue: issue.number,
    body,
    ...(params.existing ? { existing: params.existing } : {}),
  });
  const settings = job.settings?.ok ? job.settings.value : undefined;
  // A pull request may carry several services: one outcome label could not tell them apart.
  if (job.origin.kind !== "pull_request") {
    const outcome = outcomeOf(params.report);
    issue.labels = await syncLabels(octokit, {
      ...repo,
      issue: issue.number,
      current: issue.labels,
      // The request label too: a form filed where the label was missing arrives without it.
      add: [REQUEST_LABEL, OUTCOME_LABELS[outcome]],
      remove: Object.values(OUTCOME_LABELS).filter((label) => label !== OUTCOME_LABELS[outcome]),
    });
  }
  await notifyTransition(octokit, {
    ...repo,
    issue: issue.number,
    previous: params.existing ? decodeStatusMarker(params.existing.body) : undefined,
    next: params.report,
    audience: audienceOf(params.report, { owner: repo.owner, settings }),
    app: job.app,
  });
  return comment;
}

import type { AppIdentity } from "../../github/app-identity.js";
import { closeIssue, findAppComment, getIssue, upsertComment } from "../../github/issues.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import { syncLabels } from "../../github/sync-labels.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { decodeStatusMarker, OUTCOME_LABELS, statusMarkerOf } from "../state-in-github.js";
import { notifyPerson } from "../status/notify-person.js";
import { renderStatusComment } from "../status/render-status-comment.js";
import { initialReport, outcomeOf } from "../status/status-report.js";
import { type DeployOutcome, statusForOutcome } from "./outcome.js";

/**
 * Tell the requester: edit the request issue's one status comment (found by its marker,
 * whose saved steps are the starting point, so provisioning's checklist is kept), move the
 * outcome label, and close the issue once the service is deployed. Each write happens only
 * when it changes something: a redelivery reports nothing twice.
 */
export async function reportOutcome(
  octokit: Octokit,
  params: { record: RequestRecord; outcome: DeployOutcome; app: AppIdentity },
): Promise<"reported" | "nothing-to-report" | "no-issue"> {
  const { record, outcome } = params;
  const origin = record.origin;
  if (!origin?.issue) return "no-issue";
  const repo = splitRepository(origin.repository);
  const issueRef = { ...repo, issue: origin.issue };
  const existing = await findAppComment(octokit, {
    ...issueRef,
    marker: statusMarkerOf(origin),
    app: params.app,
  });
  const saved = existing ? decodeStatusMarker(existing.body) : undefined;
  const report = statusForOutcome(saved ?? initialReport(origin, record.request.service), outcome);
  if (!report) return "nothing-to-report";
  const issue = await getIssue(octokit, issueRef);
  if (!issue) return "no-issue";
  await upsertComment(octokit, {
    ...issueRef,
    body: renderStatusComment(report),
    ...(existing ? { existing } : {}),
  });
  if (origin.kind === "pull_request") {
    // The merged pull request is the request's home: no outcome label (it may carry several
    // services), and a mention of its author when the service is live or stopped.
    await notifyPerson(octokit, { ...issueRef, app: params.app, report });
    return "reported";
  }
  const label = OUTCOME_LABELS[outcomeOf(report)];
  await syncLabels(octokit, {
    ...issueRef,
    current: issue.labels,
    add: [label],
    remove: Object.values(OUTCOME_LABELS).filter((other) => other !== label),
  });
  if (outcomeOf(report) === "deployed" && issue.state === "open") {
    await closeIssue(octokit, issueRef);
  }
  return "reported";
}

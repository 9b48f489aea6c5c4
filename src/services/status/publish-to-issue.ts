import type { AppIdentity } from "../../github/app-identity.js";
import { type FoundComment, getIssue, setIssueState, upsertComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { syncLabels } from "../../github/sync-labels.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import { OUTCOME_LABELS } from "../state-in-github.js";
import { audienceOf, notifyTransition } from "./notify.js";
import { renderStatusComment } from "./render-status-comment.js";
import { outcomeOf, type StatusReport } from "./status-report.js";

/**
 * Report on a request's home from outside its intake (a build, Argo CD, the overdue check):
 * edit the one status comment, move the outcome label, close the issue once live (or at the
 * commit, where the settings say so), reopen it when a later failure needs a person, and
 * post the short notification the transition deserves. A merged pull request (the home of
 * its request files) gets the comment and the notification only: it may carry several
 * services, and it is closed already. Each write happens only when it changes something: a
 * redelivery reports nothing twice, and a report run again after a crash that stopped it
 * half-way writes what is missing.
 */
export async function publishToIssue(
  octokit: Octokit,
  params: RepoParams & {
    issue: number;
    existing: FoundComment | undefined;
    previous: StatusReport | undefined;
    next: StatusReport;
    /** The app's identity: its own notifications are found by their hidden key. */
    app: AppIdentity;
    /** The organisation's settings say who else is mentioned and when the issue closes (the
     * defaults when unreadable). */
    settings: PortalSettings | undefined;
  },
): Promise<"reported" | "no-issue"> {
  const closeOn = params.settings?.deploy_reports.close_issue_on ?? "healthy";
  const issueRef = { owner: params.owner, repo: params.repo, issue: params.issue };
  const issue = await getIssue(octokit, issueRef);
  if (!issue) return "no-issue";
  const body = renderStatusComment(params.next);
  if (params.existing?.body !== body) {
    await upsertComment(octokit, {
      ...issueRef,
      body,
      ...(params.existing ? { existing: params.existing } : {}),
    });
  }
  if (params.next.origin.kind !== "pull_request") {
    const outcome = outcomeOf(params.next, closeOn);
    const label = OUTCOME_LABELS[outcome];
    await syncLabels(octokit, {
      ...issueRef,
      current: issue.labels,
      add: [label],
      remove: Object.values(OUTCOME_LABELS).filter((other) => other !== label),
    });
    if (outcome === "deployed" && issue.state === "open") {
      await setIssueState(octokit, { ...issueRef, state: "closed" });
    }
    if (outcome === "failed" && issue.state === "closed") {
      await setIssueState(octokit, { ...issueRef, state: "open" });
    }
  }
  await notifyTransition(octokit, {
    ...issueRef,
    previous: params.previous,
    next: params.next,
    audience: audienceOf(params.next, { owner: params.owner, settings: params.settings }),
    closeOn,
    app: params.app,
  });
  return "reported";
}

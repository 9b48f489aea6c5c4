import type { AppIdentity } from "../../github/app-identity.js";
import { findAppComment } from "../../github/issues.js";
import type { Octokit } from "../../github/octokit.js";
import { loadSettings, takesRequests } from "../intake/load-settings.js";
import { decodeStatusMarker, STATUS_MARKER } from "../state-in-github.js";
import { publishToIssue } from "../status/publish-to-issue.js";
import { type StatusReport, withStep } from "../status/status-report.js";
import { withKeyLock } from "../with-key-lock.js";
import { overdueStep } from "./deploy-report.js";

/**
 * The overdue check, run by the runtime's recovery sweep for every request waiting for Argo
 * CD (there is no event for "nothing happened"): when the wait is longer than
 * `deploy_reports.wait_minutes` since the GitOps commit's Deployment, the status says so
 * once, names what to check, and pages the platform team. Returns whether it said so now.
 */
export async function checkOverdueDeployReports(
  octokit: Octokit,
  params: {
    owner: string;
    repo: string;
    issue: number;
    /** The status comment's marker when it is not the issue's one (a merged pull request's
     * status of one request file). */
    marker?: string;
    now?: Date;
    app: AppIdentity;
    env: Readonly<Record<string, string | undefined>>;
  },
): Promise<boolean> {
  const repo = { owner: params.owner, repo: params.repo };
  // The same lock as Argo CD's reports on this request: a report and the check never both
  // rewrite the status from one reading of it.
  const key = `request:${repo.owner}/${repo.repo}#${params.issue}`.toLowerCase();
  return withKeyLock(key, async () => {
    const existing = await findAppComment(octokit, {
      ...repo,
      issue: params.issue,
      marker: params.marker ?? STATUS_MARKER,
      app: params.app,
    });
    const saved = existing ? decodeStatusMarker(existing.body) : undefined;
    if (!saved || !isWaiting(saved)) return false;
    const loaded = await loadSettings(octokit, { owner: repo.owner, env: params.env });
    // A repository the control plane no longer lists as a request repository gets no write.
    if (!takesRequests(loaded, repo)) return false;
    const settings = loaded.ok ? loaded.value : undefined;
    const minutes = settings?.deploy_reports.wait_minutes ?? 30;
    const since = Date.parse(saved.steps.live.at as string);
    const now = (params.now ?? new Date()).getTime();
    if (Number.isNaN(since) || now - since < minutes * 60_000) return false;
    await publishToIssue(octokit, {
      ...repo,
      issue: params.issue,
      existing,
      previous: saved,
      next: withStep(saved, "live", overdueStep(saved.steps.live, minutes)),
      app: params.app,
      settings,
    });
    return true;
  });
}

/** Waiting for Argo CD's first word on a GitOps commit, and not yet said to be late. */
export function isWaiting(report: StatusReport): boolean {
  const live = report.steps.live;
  return live.state === "pending" && live.at !== undefined && !live.late;
}

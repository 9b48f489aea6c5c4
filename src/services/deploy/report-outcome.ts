import type { AppIdentity } from "../../github/app-identity.js";
import { findAppComment } from "../../github/issues.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import { argocdAppUrl } from "../../render/plan.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import { type LoadedSettings, loadSettings } from "../intake/load-settings.js";
import { decodeStatusMarker, statusMarkerOf } from "../state-in-github.js";
import { publishToIssue } from "../status/publish-to-issue.js";
import { initialReport } from "../status/status-report.js";
import type { StatusReading } from "./believe-record.js";
import { type AwaitedReport, type DeployOutcome, statusForOutcome } from "./outcome.js";
import { recordDeployment } from "./record-deployment.js";

/**
 * Tell the requester: after a GitOps commit, record the GitHub Deployment Argo CD reports
 * on; then edit the request issue's one status comment (found by its marker, whose saved
 * steps are the starting point, so provisioning's checklist is kept) and let
 * publishToIssue move the label, close or reopen the issue, and notify.
 */
export async function reportOutcome(
  octokit: Octokit,
  params: {
    record: RequestRecord;
    outcome: DeployOutcome;
    app: AppIdentity;
    env: Readonly<Record<string, string | undefined>>;
    repository: { owner: string; name: string };
    /** The settings the caller loaded for this same job; omitted: loaded here. */
    settings?: LoadedSettings;
    /** The status comment as the caller read it under the lock this report runs in, with
     * nothing written since (so it is as fresh as a reading made now); omitted: read here. */
    status?: StatusReading;
  },
): Promise<"reported" | "nothing-to-report" | "no-issue"> {
  const { record, outcome } = params;
  const origin = record.origin;
  if (!origin?.issue) return "no-issue";
  const repo = splitRepository(origin.repository);
  const settings = params.settings
    ? settingsOrDefaults(params.settings)
    : await reportSettings(octokit, { owner: repo.owner, env: params.env });
  let awaited: AwaitedReport | undefined;
  // A run handled again after a crash finds its commit made (no commit in the outcome) and
  // its Deployment perhaps not: found by commit, so never made twice.
  if (outcome.kind === "deployed" || outcome.kind === "bumped") {
    const deployment = await recordDeployment(octokit, {
      owner: params.repository.owner,
      repo: params.repository.name,
      sha: outcome.tag,
      gitops: record.gitops,
      commit: outcome.commit,
    });
    const url = settings?.deploy_reports.argocd_url;
    awaited = {
      since: deployment.createdAt,
      ...(url ? { argocdApp: argocdAppUrl(url, record.request.service) } : {}),
    };
  }
  const existing =
    params.status?.comment ??
    (await findAppComment(octokit, {
      ...repo,
      issue: origin.issue,
      marker: statusMarkerOf(origin),
      app: params.app,
    }));
  const saved = params.status?.report ?? (existing ? decodeStatusMarker(existing.body) : undefined);
  const previous = saved ?? initialReport(origin, record.request.service);
  const next = statusForOutcome(previous, outcome, awaited);
  if (!next) return "nothing-to-report";
  return publishToIssue(octokit, {
    ...repo,
    issue: origin.issue,
    existing,
    previous: saved,
    next,
    app: params.app,
    settings,
  });
}

/** The settings a report reads (Argo CD's address, when to close, whom to page); a report
 * still goes out with the defaults when they cannot be read. */
export async function reportSettings(
  octokit: Octokit,
  params: { owner: string; env: Readonly<Record<string, string | undefined>> },
): Promise<PortalSettings | undefined> {
  return settingsOrDefaults(await loadSettings(octokit, params));
}

function settingsOrDefaults(loaded: LoadedSettings): PortalSettings | undefined {
  return loaded.ok ? loaded.value : undefined;
}

import { type AppIdentity, type Authored, isAppAuthor } from "../../github/app-identity.js";
import { findDeployment } from "../../github/deployments.js";
import { findAppComment } from "../../github/issues.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import { argocdAppUrl } from "../../render/plan.js";
import { readRequestRecord } from "../read-request-record.js";
import { decodeStatusMarker, statusMarkerOf } from "../state-in-github.js";
import { publishToIssue } from "../status/publish-to-issue.js";
import { withStep } from "../status/status-report.js";
import { withKeyLock } from "../with-key-lock.js";
import { type DeployReport, liveStepFor } from "./deploy-report.js";
import { DEPLOY_ENVIRONMENT } from "./record-deployment.js";
import { reportSettings } from "./report-outcome.js";

export interface DeploymentStatusFacts {
  repository: { owner: string; name: string };
  /** `creator` and `performed_via_github_app` as GitHub sends them: only a deployment the
   * app made itself (recordDeployment) is one Argo CD reports on for us. */
  deployment: { id: number; sha: string; environment: string } & Authored;
  status: {
    state: string;
    description: string;
    creatorIsBot: boolean;
    environmentUrl?: string | undefined;
  };
}

/** The control plane's environment (where settings live) and the app's identity. */
export interface ReportDeps {
  env: Readonly<Record<string, string | undefined>>;
  app: () => Promise<AppIdentity>;
}

export type DeploymentStatusResult =
  | { kind: "ignored"; reason: string }
  | { kind: "reported"; state: string }
  | { kind: "unchanged" };

/**
 * Argo CD's word on a deployment, as a `deployment_status` delivery: (1) screen the payload,
 * (2) read the request record at the deployed commit, (3) skip a report about an older
 * deployment than the newest, (4) turn the request's `live` step into what Argo CD says.
 */
export async function processDeploymentStatus(
  octokit: Octokit,
  facts: DeploymentStatusFacts,
  deps: ReportDeps,
): Promise<DeploymentStatusResult> {
  const screened = screenDeploymentStatus(facts);
  if (screened) return { kind: "ignored", reason: screened };
  // Learnt only now: a payload screened out costs no call. Never "any bot": another app in
  // the organisation could make a deployment of any commit and report it healthy.
  const app = await deps.app();
  if (!isAppAuthor(app, facts.deployment)) {
    return { kind: "ignored", reason: "deployment not created by this app" };
  }
  const { owner, name } = facts.repository;
  const record = (
    await readRequestRecord(octokit, { owner, repo: name, ref: facts.deployment.sha })
  )?.record;
  if (!record?.origin?.issue || record.request.service !== name.toLowerCase()) {
    return { kind: "ignored", reason: "no Dev Portal request record for this repository" };
  }
  const origin = record.origin;
  const issue = origin.issue as number;
  const latest = await findDeployment(octokit, {
    owner,
    repo: name,
    environment: DEPLOY_ENVIRONMENT,
  });
  if (latest && latest.id !== facts.deployment.id) {
    return { kind: "ignored", reason: `deployment ${facts.deployment.id} is not the newest` };
  }
  const repo = splitRepository(origin.repository);
  const key = `request:${origin.repository}#${issue}`.toLowerCase();
  return withKeyLock(key, async () => {
    const settings = await reportSettings(octokit, { owner: repo.owner, env: deps.env });
    const argocdUrl = settings?.deploy_reports.argocd_url;
    const report: DeployReport = {
      state: facts.status.state,
      description: facts.status.description,
      sha: facts.deployment.sha,
      argocdApp: argocdUrl ? argocdAppUrl(argocdUrl, record.request.service) : undefined,
      url: facts.status.environmentUrl,
    };
    const step = liveStepFor(report);
    // On a merged pull request, the request file's own status comment (it may hold several).
    const marker = statusMarkerOf(origin);
    const existing = await findAppComment(octokit, { ...repo, issue, marker, app });
    const saved = existing ? decodeStatusMarker(existing.body) : undefined;
    if (!step || !saved) return { kind: "unchanged" } satisfies DeploymentStatusResult;
    const next = withStep(saved, "live", step);
    await publishToIssue(octokit, {
      ...repo,
      issue,
      existing,
      previous: saved,
      next,
      app,
      settings,
    });
    return { kind: "reported", state: facts.status.state } satisfies DeploymentStatusResult;
  });
}

/** What can be judged from the payload alone: our environment, statuses by an app (Argo CD
 * posts through a GitHub App) and a verdict state. Whose deployment it is needs the app's
 * identity, checked next. */
export function screenDeploymentStatus(facts: DeploymentStatusFacts): string | undefined {
  if (facts.deployment.environment !== DEPLOY_ENVIRONMENT) {
    return `environment ${facts.deployment.environment} is not ${DEPLOY_ENVIRONMENT}`;
  }
  if (facts.deployment.user?.type !== "Bot") return "deployment not created by an app";
  if (!facts.status.creatorIsBot) return "status not posted by an app";
  if (!["success", "failure", "error", "in_progress"].includes(facts.status.state)) {
    return `state ${facts.status.state} is not a verdict`;
  }
  return undefined;
}

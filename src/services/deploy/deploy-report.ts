import type { StepStatus } from "../status/status-report.js";
import { short } from "./decide.js";

/** What Argo CD's notifications post as a GitHub deployment status (see
 * templates/gitops/k8s/argocd-notifications-cm.yaml): the state says which report it is. */
export interface DeployReport {
  state: string;
  description: string;
  sha: string;
  /** The Argo CD Application's page. */
  argocdApp?: string | undefined;
  url?: string | undefined;
}

/**
 * The `live` step for one report, or undefined for states that are not Argo CD's verdicts.
 * success: on-deployed (synced and healthy); failure: on-health-degraded; error:
 * on-sync-failed; in_progress: on-sync-succeeded (synced, health not yet known).
 */
export function liveStepFor(report: DeployReport): StepStatus | undefined {
  const link = report.argocdApp ? { link: report.argocdApp, linkText: "Argo CD app" } : {};
  const version = short(report.sha);
  const said = report.description ? `: ${report.description}` : "";
  switch (report.state) {
    case "success":
      // Live: the link the requester wants now is the service itself.
      return {
        state: "done",
        note: `live and healthy: Argo CD synced ${version} and reports it Healthy`,
        ...(report.url?.startsWith("https://") ? { link: report.url, linkText: report.url } : link),
      };
    case "in_progress":
      return {
        state: "pending",
        note: `Argo CD synced ${version}, waiting for it to be healthy`,
        ...link,
      };
    case "failure":
      return {
        state: "failed",
        note: `degraded: ${version} is synced but not healthy${said}. Open the Argo CD app for the failing pods (a missing Secret, an image that cannot be pulled, a crash at start), then push a fix`,
        owner: "requester",
        ...link,
      };
    case "error":
      return {
        state: "failed",
        note: `sync failed: Argo CD could not apply ${version}${said}. The platform team checks the Argo CD app's sync errors, then comments /devportal retry`,
        owner: "platform",
        ...link,
      };
    default:
      return undefined;
  }
}

/** The step for a deployment whose report is overdue: still waiting, and what to check. */
export function overdueStep(step: StepStatus, minutes: number): StepStatus {
  return {
    ...step,
    state: "pending",
    late: true,
    note: `no report from Argo CD within ${minutes} minutes of the GitOps commit. Check that the Argo CD Application exists and syncs, that argocd-notifications runs with k8s/argocd-notifications-cm.yaml applied, and its controller's log for GitHub errors`,
    owner: "platform",
  };
}

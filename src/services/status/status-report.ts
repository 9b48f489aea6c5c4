import type { Plan } from "../../render/plan.js";
import type { RequestOrigin } from "../../request/service-request.js";

/** The checklist of a request, in the order it happens. `ci` and `deployed` are filled in by
 * the deploy pipeline (workflow_run), `live` by Argo CD's reports (deployment_status);
 * provisioning leaves them pending. */
export const STEPS = [
  "validated",
  "authorized",
  "repository",
  "secrets",
  "code",
  "ci",
  "deployed",
  "live",
] as const;

export type StepName = (typeof STEPS)[number];
export type StepState = "done" | "pending" | "failed" | "skipped";

export interface StepStatus {
  state: StepState;
  /** One line: why the step is in this state, or what to do. Plain text, escaped on render. */
  note: string;
  link?: string;
  /** What the link is, in words (`commit abc1234`, `run #3`): never a bare "link". */
  linkText?: string;
  /** Who must act on a failure: the requester (default) or the platform team. */
  owner?: "requester" | "platform";
  /** When the step reached this state (ISO 8601), where a deadline follows from it. */
  at?: string;
  /** The deadline passed: said once, and never again for the same wait. */
  late?: boolean;
}

export interface Problem {
  /** Where to fix it: a form field label or a file key path. */
  field: string;
  message: string;
}

/** Everything the status comment shows. Its machine-readable part (marker) round-trips. */
export interface StatusReport {
  service?: string;
  origin: RequestOrigin;
  /** Repository_A once the app has it, by full name and id: what a `workflow_run` of a
   * repository must match before its request record is believed. */
  repository?: { fullName: string; id: number };
  steps: Record<StepName, StepStatus>;
  problems: Problem[];
  plan?: Plan;
}

export function initialReport(origin: RequestOrigin, service?: string): StatusReport {
  const steps = Object.fromEntries(
    STEPS.map((name) => [name, { state: "pending", note: "waiting" } satisfies StepStatus]),
  ) as Record<StepName, StepStatus>;
  return { ...(service ? { service } : {}), origin, steps, problems: [] };
}

/** A copy of the report with one step replaced. */
export function withStep(report: StatusReport, name: StepName, status: StepStatus): StatusReport {
  return { ...report, steps: { ...report.steps, [name]: status } };
}

export type Outcome = "failed" | "deployed" | "provisioning";

/**
 * The label-worthy outcome: any failed step wins, then deployed, else provisioning. Deployed
 * means live and healthy as Argo CD reported it, or, where the settings close on the commit,
 * the GitOps commit itself.
 */
export function outcomeOf(
  report: StatusReport,
  closeOn: "healthy" | "commit" = "healthy",
): Outcome {
  if (Object.values(report.steps).some((step) => step.state === "failed")) return "failed";
  if (report.steps.live.state === "done") return "deployed";
  if (closeOn === "commit" && report.steps.deployed.state === "done") return "deployed";
  return "provisioning";
}

/** The first failed step, and who must act on it. */
export function firstFailure(
  report: StatusReport,
): { name: StepName; step: StepStatus } | undefined {
  for (const name of STEPS) {
    const step = report.steps[name];
    if (step.state === "failed") return { name, step };
  }
  return undefined;
}

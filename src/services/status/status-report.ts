import type { Plan } from "../../render/plan.js";
import type { RequestOrigin } from "../../request/service-request.js";

/** The checklist of a request, in the order it happens. `ci` and `deployed` are filled in by
 * the deploy pipeline (workflow_run); provisioning leaves them pending. */
export const STEPS = [
  "validated",
  "authorized",
  "repository",
  "secrets",
  "code",
  "ci",
  "deployed",
] as const;

export type StepName = (typeof STEPS)[number];
export type StepState = "done" | "pending" | "failed" | "skipped";

export interface StepStatus {
  state: StepState;
  /** One line: why the step is in this state, or what to do. Plain text, escaped on render. */
  note: string;
  link?: string;
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

/** The label-worthy outcome: any failed step wins, then deployed, else provisioning. */
export function outcomeOf(report: StatusReport): "failed" | "deployed" | "provisioning" {
  if (Object.values(report.steps).some((step) => step.state === "failed")) return "failed";
  return report.steps.deployed.state === "done" ? "deployed" : "provisioning";
}

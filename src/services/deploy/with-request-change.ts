import { type StatusReport, withStep } from "../status/status-report.js";
import type { RequestChange } from "./apply-request-change.js";

/**
 * The status comment after a changed request of an existing service was looked at: the
 * `deployed` step tells what was re-rendered (or why not), and the `code` step says that
 * model changes are not generated over the code the team now owns.
 */
export function withRequestChange(report: StatusReport, change: RequestChange): StatusReport {
  let next = report;
  if (change.modelsIgnored) {
    next = withStep(next, "code", {
      ...next.steps.code,
      note: "the models changed, but an existing service's code is never regenerated: change the models in its repository",
    });
  }
  if (change.kind === "applied") {
    const previous = next.steps.deployed;
    const link = change.commit?.url ?? previous.link;
    return withStep(next, "deployed", {
      state: "done",
      note: `deploy changes applied (${change.changed.join(", ")}), image tag kept`,
      ...(link ? { link } : {}),
    });
  }
  if (change.kind === "none") return next;
  return withStep(next, "deployed", {
    ...next.steps.deployed,
    note: `deploy changes not applied: ${change.reason}`,
  });
}

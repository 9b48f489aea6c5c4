import { type StatusReport, withStep } from "../status/status-report.js";
import { short } from "./decide-ancestry.js";
import type { DeployOutcome } from "./deploy-outcome.js";
import type { FailedJob } from "./failed-jobs.js";

/**
 * The status comment after a deploy outcome: the `ci` and `deployed` steps provisioning left
 * pending. Undefined when there is nothing new to say (an ignored run, a late old build),
 * so those deliveries write nothing at all.
 */
export function statusForOutcome(
  report: StatusReport,
  outcome: DeployOutcome,
): StatusReport | undefined {
  switch (outcome.kind) {
    case "ignored":
    case "unchanged":
      return undefined;
    case "ci-running":
      return withStep(report, "ci", {
        state: "pending",
        note: `build #${outcome.run.number} running`,
        link: outcome.run.htmlUrl,
      });
    case "failed":
      return withStep(report, "ci", {
        state: "failed",
        note: `build #${outcome.run.number} ${outcome.conclusion}: ${describeJobs(outcome.jobs)}; push a fix or comment /devportal retry`,
        link: firstFailureLink(outcome.jobs) ?? outcome.run.htmlUrl,
      });
    case "deployed": {
      // A redelivery finds the commit made: keep the step that links it.
      if (!outcome.commit && report.steps.deployed.state === "done") return passed(report, outcome);
      return withStep(passed(report, outcome), "deployed", {
        state: "done",
        note: `${short(outcome.tag)} in Argo CD application ${outcome.application}, serving ${outcome.url}`,
        ...(outcome.commit ? { link: outcome.commit.url } : {}),
      });
    }
    case "bumped":
      return withStep(passed(report, outcome), "deployed", {
        state: "done",
        note: `${short(outcome.tag)} (was ${short(outcome.from)})`,
        link: outcome.commit.url,
      });
    case "refused":
      return withStep(passed(report, outcome), "deployed", {
        state: "failed",
        note: `build #${outcome.run.number} not deployed: ${outcome.reason}`,
      });
    case "blocked":
      return withStep(passed(report, outcome), "deployed", {
        state: "failed",
        note: outcome.action ? `${outcome.reason}: ${outcome.action}` : outcome.reason,
      });
  }
}

function passed(report: StatusReport, outcome: { run: { number: number; htmlUrl: string } }) {
  return withStep(report, "ci", {
    state: "done",
    note: `build #${outcome.run.number} passed`,
    link: outcome.run.htmlUrl,
  });
}

function describeJobs(jobs: readonly FailedJob[]): string {
  if (jobs.length === 0) return "no failed job reported";
  return jobs
    .map((job) =>
      job.steps.length > 0
        ? `${job.name} › ${job.steps.map((step) => step.name).join(", ")}`
        : `${job.name} (${job.conclusion})`,
    )
    .join("; ");
}

function firstFailureLink(jobs: readonly FailedJob[]): string | undefined {
  for (const job of jobs) {
    const link = job.steps.find((step) => step.url)?.url ?? job.url;
    if (link) return link;
  }
  return undefined;
}

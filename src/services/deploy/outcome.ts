import type { RunJob } from "../../github/actions.js";
import { formatError, type ValidationError } from "../../request/service-request.js";
import { type StatusReport, withStep } from "../status/status-report.js";
import type { RunRef } from "./commit-gitops.js";
import { FAILED_CONCLUSIONS, short } from "./decide.js";

export interface GitopsCommit {
  sha: string;
  url: string;
}

/**
 * What handling a `workflow_run` delivery did, as data: the handler turns it into the status
 * comment, labels and the state; tests assert on it directly.
 */
export type DeployOutcome =
  | { kind: "ignored"; reason: string }
  | { kind: "ci-running"; run: RunRef }
  | {
      kind: "deployed";
      run: RunRef;
      tag: string;
      /** Undefined when Repository_B already held exactly these files (a redelivery). */
      commit: GitopsCommit | undefined;
      /** Argo CD Application the ApplicationSet makes of `apps/<service>/`. */
      application: string;
      url: string;
    }
  | { kind: "bumped"; run: RunRef; from: string; tag: string; commit: GitopsCommit }
  | { kind: "unchanged"; run: RunRef; tag: string; reason: string }
  | { kind: "failed"; run: RunRef; conclusion: string; jobs: FailedJob[] }
  | { kind: "refused"; run: RunRef; reason: string }
  /** Repository_B could not be written; `action` is what the platform team must do
   * (empty when `reason` already says it). */
  | { kind: "blocked"; run: RunRef; reason: string; action: string };

export function commitUrl(gitops: string, sha: string): string {
  return `https://github.com/${gitops}/commit/${sha}`;
}

/** Deployment stopped by portal settings that do not validate (or no longer render): the
 * platform team fixes them, then anyone comments `/devportal retry`. */
export function blockedBySettings(run: RunRef, errors: readonly ValidationError[]): DeployOutcome {
  return {
    kind: "blocked",
    run,
    reason: errors.map(formatError).join("; "),
    action: "fix the portal settings, then `/devportal retry`",
  };
}

export interface FailedJob {
  name: string;
  conclusion: string;
  url: string | null;
  steps: { name: string; url: string | null }[];
}

/**
 * The jobs that broke a run and, in each, the steps that failed, with links straight to the
 * step's log (`<job url>#step:<n>:1`, the anchor GitHub's log viewer uses). A job cancelled
 * or timed out may have no failed step: the job alone is then the answer.
 */
export function failedJobs(jobs: readonly RunJob[]): FailedJob[] {
  return jobs
    .filter((job) => job.conclusion !== null && FAILED_CONCLUSIONS.includes(job.conclusion))
    .map((job) => ({
      name: job.name,
      conclusion: job.conclusion as string,
      url: job.htmlUrl,
      steps: job.steps
        .filter((step) => step.conclusion === "failure" || step.conclusion === "timed_out")
        .map((step) => ({
          name: step.name,
          url: job.htmlUrl ? `${job.htmlUrl}#step:${step.number}:1` : null,
        })),
    }));
}

/** Where Argo CD's report about a GitOps commit is awaited (the Deployment on Repository_A). */
export interface AwaitedReport {
  /** When the Deployment was made: the clock for "no report in time". */
  since: string;
  /** The Argo CD Application's page, when the settings know Argo CD's address. */
  argocdApp?: string;
}

/**
 * The status comment after a deploy outcome: the `ci`, `deployed` and `live` steps
 * provisioning left pending. Undefined when there is nothing new to say (an ignored run, a
 * late old build), so those deliveries write nothing at all.
 */
export function statusForOutcome(
  report: StatusReport,
  outcome: DeployOutcome,
  awaited?: AwaitedReport,
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
        linkText: `run #${outcome.run.number}`,
      });
    case "failed":
      return withStep(report, "ci", {
        state: "failed",
        note: `build #${outcome.run.number} ${outcome.conclusion}: ${describeJobs(outcome.jobs)}; push a fix or comment /devportal retry`,
        link: firstFailureLink(outcome.jobs) ?? outcome.run.htmlUrl,
        linkText: `run #${outcome.run.number} log`,
      });
    case "deployed": {
      // A redelivery finds the commit made and reported: keep the step that links it. A run
      // handled again after a crash that preceded its report still says what it committed.
      const deployed = report.steps.deployed;
      if (
        !outcome.commit &&
        deployed.state === "done" &&
        deployed.note.startsWith(short(outcome.tag))
      ) {
        return passed(report, outcome);
      }
      const committed = withStep(passed(report, outcome), "deployed", {
        state: "done",
        note: `${short(outcome.tag)} committed for Argo CD application ${outcome.application}`,
        ...gitopsLink(outcome.commit),
      });
      return awaiting(committed, awaited);
    }
    case "bumped":
      return awaiting(
        withStep(passed(report, outcome), "deployed", {
          state: "done",
          note: `${short(outcome.tag)} committed (was ${short(outcome.from)})`,
          ...gitopsLink(outcome.commit),
        }),
        awaited,
      );
    case "refused":
      return withStep(passed(report, outcome), "deployed", {
        state: "failed",
        note: `build #${outcome.run.number} not deployed: ${outcome.reason}`,
      });
    case "blocked":
      return withStep(passed(report, outcome), "deployed", {
        state: "failed",
        note: outcome.action ? `${outcome.reason}: ${outcome.action}` : outcome.reason,
        owner: "platform",
      });
  }
}

function gitopsLink(commit: GitopsCommit | undefined) {
  return commit ? { link: commit.url, linkText: `GitOps commit ${short(commit.sha)}` } : {};
}

/** After a GitOps commit, Argo CD has the word: "committed, waiting for Argo CD". */
function awaiting(report: StatusReport, awaited: AwaitedReport | undefined): StatusReport {
  return withStep(report, "live", {
    state: "pending",
    note: "committed, waiting for Argo CD to sync and report health",
    ...(awaited?.argocdApp ? { link: awaited.argocdApp, linkText: "Argo CD app" } : {}),
    ...(awaited ? { at: awaited.since } : {}),
  });
}

function passed(report: StatusReport, outcome: { run: { number: number; htmlUrl: string } }) {
  return withStep(report, "ci", {
    state: "done",
    note: `build #${outcome.run.number} passed`,
    link: outcome.run.htmlUrl,
    linkText: `run #${outcome.run.number}`,
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

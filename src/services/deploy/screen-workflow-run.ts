import type { WorkflowRunFacts } from "./workflow-run-facts.js";

/** The workflow Repository_A ships (templates/service/.github/workflows/ci-cd.yml). */
export const WORKFLOW_PATH = ".github/workflows/ci-cd.yml";

/** Conclusions that mean "the build is broken": reported, and the next green build or
 * `/devportal retry` continues. Others (neutral, skipped, stale, action_required) are not
 * a verdict on the code and are ignored. */
export const FAILED_CONCLUSIONS = ["failure", "cancelled", "timed_out", "startup_failure"];

export type RunPhase = "running" | "succeeded" | "failed";

export type Screening = { ok: true; phase: RunPhase } | { ok: false; reason: string };

/**
 * Everything that can be decided from the payload alone, before a single API call: only
 * pushes to the default branch, built by our workflow from the repository itself, can be
 * deployed. Pull request runs (even of the same workflow) build code nobody merged.
 */
export function screenWorkflowRun(facts: WorkflowRunFacts): Screening {
  const { run, repository } = facts;
  const path = run.path.split("@")[0];
  if (path !== WORKFLOW_PATH) return skip(`workflow ${run.path} is not ${WORKFLOW_PATH}`);
  if (run.event !== "push") return skip(`run triggered by ${run.event}, not push`);
  if (run.pullRequests > 0) return skip("run belongs to a pull request");
  if (run.headBranch !== repository.defaultBranch) {
    return skip(`branch ${run.headBranch} is not the default branch ${repository.defaultBranch}`);
  }
  if (run.headRepository !== null && run.headRepository !== repository.fullName) {
    return skip(`commit comes from ${run.headRepository}`);
  }
  if (facts.action === "requested" || facts.action === "in_progress") {
    return { ok: true, phase: "running" };
  }
  if (facts.action !== "completed") return skip(`action ${facts.action}`);
  if (run.conclusion === "success") return { ok: true, phase: "succeeded" };
  if (run.conclusion !== null && FAILED_CONCLUSIONS.includes(run.conclusion)) {
    return { ok: true, phase: "failed" };
  }
  return skip(`conclusion ${run.conclusion}`);
}

function skip(reason: string): Screening {
  return { ok: false, reason };
}

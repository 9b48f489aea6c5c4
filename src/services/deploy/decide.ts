import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { type WorkflowRunInfo, workflowRunInfo } from "../../github/actions.js";
import type { CommitRelation } from "../../github/repos.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import type { StatusReport } from "../status/status-report.js";

export type WorkflowRunPayload = EmitterWebhookEvent<"workflow_run">["payload"];

/** What the deploy decision needs from a `workflow_run` delivery, and nothing else. */
export interface WorkflowRunFacts {
  action: string;
  repository: {
    /** GitHub's id: a request's status names its repository by it. */
    id: number;
    owner: string;
    name: string;
    fullName: string;
    defaultBranch: string;
  };
  run: WorkflowRunInfo;
}

export function workflowRunFacts(payload: WorkflowRunPayload): WorkflowRunFacts {
  const { repository, workflow_run: run } = payload;
  return {
    action: payload.action,
    repository: {
      id: repository.id,
      owner: repository.owner.login,
      name: repository.name,
      fullName: repository.full_name,
      defaultBranch: repository.default_branch,
    },
    run: workflowRunInfo(run),
  };
}

/** The workflow Repository_A ships (templates/service/.github/workflows/ci-cd.yml). */
export const WORKFLOW_PATH = ".github/workflows/ci-cd.yml";

/** Conclusions that mean "the build is broken": reported, and the next green build or
 * `/devportal retry` continues. Others (neutral, skipped, stale, action_required) are not
 * a verdict on the code and are ignored. */
export const FAILED_CONCLUSIONS = ["failure", "cancelled", "timed_out", "startup_failure"];

/** Why a `requested` (queued) run is not reported. */
export const QUEUED = "queued: a build is reported when it starts (in_progress)";

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
  // Queued is not running: a build is reported when a runner starts it, so it costs one
  // report, not two. A run that never starts still ends in `completed`.
  if (facts.action === "requested") return skip(QUEUED);
  if (facts.action === "in_progress") return { ok: true, phase: "running" };
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

export type Decision =
  | { kind: "ignore"; reason: string }
  | { kind: "ci-running" }
  | { kind: "report-failure" }
  /** A green build: what it does depends on what Repository_B deploys (decideGreenBuild),
   * the only case that reads Repository_B at all. */
  | { kind: "green-build" };

export interface DecisionInput {
  facts: WorkflowRunFacts;
  /** `screenWorkflowRun(facts)`, made once per delivery before any API call. */
  screening: Screening;
  /** The request record at the run's head SHA; undefined when the repository has none. */
  record: RequestRecord | undefined;
  /** The request's status as the app last wrote it: its own comment, read and trusted when
   * the record was believed. */
  status: StatusReport;
}

/**
 * What a `workflow_run` delivery asks of the app, from the payload, the record and the
 * request's status. Pure: the caller reads them first, so a redelivery or a late run lands on
 * the same answer as long as GitHub holds the same state, and every case is a table row in
 * the unit tests.
 */
export function decideWorkflowRun(input: DecisionInput): Decision {
  const { facts, record, screening } = input;
  if (!screening.ok) return { kind: "ignore", reason: screening.reason };
  if (!record) return { kind: "ignore", reason: "no Dev Portal request record: not our service" };
  const foreign = foreignRecord(facts, record);
  if (foreign) return { kind: "ignore", reason: foreign };
  switch (screening.phase) {
    case "running":
      // Later builds are reported when they finish: a deployed service's status comment
      // (on a closed issue) should not flicker with every push. The app's own status says
      // whether it ever deployed the service, so a running build costs no Repository_B read.
      return reportedDeployed(input.status)
        ? { kind: "ignore", reason: "service already deployed; later builds report on completion" }
        : { kind: "ci-running" };
    case "failed":
      return { kind: "report-failure" };
    case "succeeded":
      return { kind: "green-build" };
  }
}

/**
 * Whether the status says the service was deployed: the GitOps commit reported, or Argo CD's
 * word that it is live (which only follows a commit). An issue closes only on one of these,
 * so a closed request's status always says so; a later failure (a refused bump, say) keeps
 * the live step of the earlier deployment.
 */
export function reportedDeployed(status: StatusReport): boolean {
  return status.steps.deployed.state === "done" || status.steps.live.state === "done";
}

export type GreenBuildDecision =
  | { kind: "ignore"; reason: string }
  | { kind: "deploy-first" }
  | { kind: "bump"; from: string }
  /** Repository_B already deploys this build: the run was handled before (a crash after the
   * GitOps ref moved, a retry, a redelivery), and only its report may be missing. */
  | { kind: "already-deployed"; tag: string };

/**
 * What a green build of the default branch does, given what Repository_B deploys now. Pure,
 * like decideWorkflowRun, which sends only green builds here.
 */
export function decideGreenBuild(input: {
  /** The build's commit: the tag it would deploy. */
  headSha: string;
  /** The tag `apps/<service>/kustomization.yaml` deploys now; undefined before the first
   * deployment (or when Repository_B is missing, which the deploy step reports). */
  deployedTag: string | undefined;
  /** Argo CD Image Updater writes this service's later tags (settings.image_updater). */
  imageUpdater?: boolean;
}): GreenBuildDecision {
  const { headSha, deployedTag } = input;
  if (deployedTag === undefined) return { kind: "deploy-first" };
  if (deployedTag === headSha) return { kind: "already-deployed", tag: deployedTag };
  // Two writers of one tag would race each other's commits: the updater owns it.
  if (input.imageUpdater) {
    return { kind: "ignore", reason: "Argo CD Image Updater deploys later builds" };
  }
  return { kind: "bump", from: deployedTag };
}

/**
 * A record copied into another repository must not deploy anything: the record's image is
 * the one this repository's workflow pushes (registry/owner/name, lowercase), and its
 * GitOps path is the service's own directory, or the record is not this repository's.
 */
function foreignRecord(facts: WorkflowRunFacts, record: RequestRecord): string | undefined {
  const service = record.request.service;
  if (service !== facts.repository.name.toLowerCase()) {
    return `record names service ${service}, repository is ${facts.repository.fullName}`;
  }
  if (!record.image.endsWith(`/${facts.repository.fullName.toLowerCase()}`)) {
    return `record image ${record.image} is not built by ${facts.repository.fullName}`;
  }
  if (record.path !== `apps/${service}/`) {
    return `record path ${record.path} is not apps/${service}/`;
  }
  return undefined;
}

/** A full commit SHA: the only tags the portal deploys after the first green build. */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;

export type Ancestry =
  | { move: "forward" }
  | { move: "none"; reason: string }
  | { move: "refuse"; reason: string };

/**
 * Whether the build of `candidate` may replace the deployed tag. `relation` is how the
 * candidate stands to the deployed commit (`compare/{deployed}...{candidate}`); it is only
 * asked for when both are commit SHAs. Never backwards: an old run finishing late, or a
 * re-run of an old commit, is "behind" and moves nothing.
 */
export function decideAncestry(params: {
  deployed: string;
  candidate: string;
  relation?: CommitRelation | undefined;
}): Ancestry {
  const { deployed, candidate, relation } = params;
  if (deployed === candidate) return { move: "none", reason: `${short(candidate)} is deployed` };
  // `latest` (an offline render) or a hand-written tag has no place in history: any build
  // of the default branch is newer than it.
  if (!COMMIT_SHA.test(deployed)) return { move: "forward" };
  switch (relation) {
    case "ahead":
      return { move: "forward" };
    case "behind":
    case "identical":
      return {
        move: "none",
        reason: `${short(candidate)} is older than the deployed ${short(deployed)}`,
      };
    case "diverged":
      return {
        move: "refuse",
        reason: `${short(candidate)} and the deployed ${short(deployed)} have diverged (history rewritten?)`,
      };
    default:
      return {
        move: "refuse",
        reason: `the deployed commit ${short(deployed)} is unknown to the repository`,
      };
  }
}

export function short(sha: string): string {
  return COMMIT_SHA.test(sha) ? sha.slice(0, 7) : sha;
}

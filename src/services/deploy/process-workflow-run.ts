import { listRunJobs } from "../../github/actions.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { transientReason } from "../../runtime/transient.js";
import { loadSettings } from "../intake/load-settings.js";
import { describeError } from "../provision/step-error.js";
import { readRequestRecord } from "../read-request-record.js";
import { withKeyLock } from "../with-key-lock.js";
import { bumpTag } from "./bump-tag.js";
import { decideWorkflowRun, screenWorkflowRun, type WorkflowRunFacts } from "./decide.js";
import { deployFirst } from "./deploy-first.js";
import { gitopsAccessProblem, missingGitops, readGitopsState } from "./gitops-state.js";
import { blockedBySettings, type DeployOutcome, failedJobs } from "./outcome.js";

export interface WorkflowRunResult {
  outcome: DeployOutcome;
  /** The service's record, when the repository is ours: where to report. */
  record?: RequestRecord;
}

/**
 * The deploy pipeline for one `workflow_run` delivery: (1) screen the payload, (2) read the
 * request record at the built commit, (3) read what Repository_B deploys, (4) decide, (5) act.
 * Every step reads GitHub first, so a redelivery or a late run finds its work done.
 */
export async function processWorkflowRun(
  octokit: Octokit,
  facts: WorkflowRunFacts,
): Promise<WorkflowRunResult> {
  const screening = screenWorkflowRun(facts);
  if (!screening.ok) return { outcome: { kind: "ignored", reason: screening.reason } };
  const { owner, name } = facts.repository;
  // The record at the built commit, not the branch head: it describes what this run built.
  const record = (await readRequestRecord(octokit, { owner, repo: name, ref: facts.run.headSha }))
    ?.record;
  if (!record) {
    return {
      outcome: { kind: "ignored", reason: "no Dev Portal request record: not our service" },
    };
  }
  // Everything after the record concerns one service's directory: one delivery at a time.
  const key = `${record.gitops.toLowerCase()}#${record.request.service}`;
  const outcome = await withKeyLock(key, () => act(octokit, facts, record));
  return { outcome, record };
}

async function act(
  octokit: Octokit,
  facts: WorkflowRunFacts,
  record: RequestRecord,
): Promise<DeployOutcome> {
  const { run } = facts;
  const service = record.request.service;
  let state: Awaited<ReturnType<typeof readGitopsState>>;
  try {
    state = await readGitopsState(octokit, { gitops: record.gitops, service, image: record.image });
  } catch (error) {
    // A transient failure heals by running the job again (the queue retries it).
    if (transientReason(error)) throw error;
    // Same rule as for writes: report what the platform team must do, never throw.
    return { kind: "blocked", run, ...accessProblem(record.gitops, error) };
  }
  const deployedTag = state.kind === "ready" ? state.tag : undefined;
  const imageUpdater = state.kind === "ready" && state.imageUpdater;
  const decision = decideWorkflowRun({ facts, record, deployedTag, imageUpdater });
  switch (decision.kind) {
    case "ignore":
      return { kind: "ignored", reason: decision.reason };
    case "ci-running":
      return { kind: "ci-running", run };
    case "report-failure": {
      const jobs = await listRunJobs(octokit, {
        owner: facts.repository.owner,
        repo: facts.repository.name,
        runId: run.id,
      });
      return {
        kind: "failed",
        run,
        conclusion: run.conclusion ?? "failure",
        jobs: failedJobs(jobs),
      };
    }
    case "deploy-first":
    case "bump":
      return writeGitops(octokit, { facts, record, state, bump: decision.kind === "bump" });
  }
}

async function writeGitops(
  octokit: Octokit,
  params: {
    facts: WorkflowRunFacts;
    record: RequestRecord;
    state: Awaited<ReturnType<typeof readGitopsState>>;
    bump: boolean;
  },
): Promise<DeployOutcome> {
  const { facts, record, state } = params;
  const { run } = facts;
  if (state.kind === "missing") return { kind: "blocked", run, ...missingGitops(state.gitops) };
  try {
    if (params.bump) return await bumpTag(octokit, { facts, record, state });
    if (!record.origin) {
      const reason = "the request record names no request repository to read settings from";
      return { kind: "blocked", run, reason, action: "re-provision the service from its request" };
    }
    // Rendering needs what the platform team set (resources, ingress class, Argo CD
    // project): it lives with the request, not in the record.
    const settings = await loadSettings(octokit, splitRepository(record.origin.repository));
    if (!settings.ok) return blockedBySettings(run, settings.errors);
    return await deployFirst(octokit, { facts, record, state, settings: settings.value });
  } catch (error) {
    if (transientReason(error)) throw error;
    // Reported, not thrown: GitHub never redelivers a failed webhook, so a thrown error
    // would leave the requester looking at "CI passed" with nothing deployed.
    return { kind: "blocked", run, ...accessProblem(state.gitops, error) };
  }
}

/** What to say when Repository_B refused the app: its own fix for 403/404, else the error
 * (describeError already ends with the way out, `/devportal retry`). */
function accessProblem(gitops: string, error: unknown): { reason: string; action: string } {
  return gitopsAccessProblem(gitops, error) ?? { reason: describeError(error), action: "" };
}

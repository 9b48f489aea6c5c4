import { listRunJobs } from "../../github/actions.js";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { transientReason } from "../../runtime/transient.js";
import type { LoadedSettings } from "../intake/load-settings.js";
import { describeError } from "../provision/step-error.js";
import { readRequestRecord } from "../read-request-record.js";
import { withKeyLock } from "../with-key-lock.js";
import { type Belief, believeRecord, type DeployTrust } from "./believe-record.js";
import { CATALOG_PATH, parseCatalog } from "./commit-gitops.js";
import {
  decideGreenBuild,
  decideWorkflowRun,
  type Screening,
  screenWorkflowRun,
  type WorkflowRunFacts,
} from "./decide.js";
import {
  type GitopsState,
  gitopsAccessProblem,
  missingGitops,
  readGitopsState,
} from "./gitops-state.js";
import { blockedBySettings, type DeployOutcome, failedJobs } from "./outcome.js";
import { reportOutcome } from "./report-outcome.js";
import { commitServiceChange, type ServiceChange } from "./service-commit.js";

export interface WorkflowRunResult {
  outcome: DeployOutcome;
  /** The service's record, when the repository is ours: where to report. */
  record?: RequestRecord;
  /** The app's identity, learnt for a believed record: reports are written as it. */
  app?: AppIdentity;
  /** The outcome is already on the request issue (status comment, labels, state). */
  reported?: boolean;
}

/**
 * The deploy pipeline for one `workflow_run` delivery: (1) screen the payload, (2) read the
 * request record at the built commit and believe it only both ways (believe-record.ts),
 * (3) decide, reading what Repository_B deploys only for a green build, (4) act, (5) report
 * on the request issue. Every step reads GitHub first, so a redelivery or a late run finds
 * its work done. A record not believed writes nothing, reports nowhere.
 */
export async function processWorkflowRun(
  octokit: Octokit,
  facts: WorkflowRunFacts,
  deps: { env: DeployTrust["env"]; app: () => Promise<AppIdentity> },
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
  // Learnt only now: a payload screened out or a repository without a record costs no call.
  const trust: DeployTrust = { env: deps.env, app: await deps.app() };
  // Everything after the record concerns one service's directory: one delivery at a time,
  // its report included, so a run handled twice at once (its webhook, and the recovery sweep
  // finding the request unfinished) reports once: the second finds the report written.
  // Believing the record is inside the lock too: it reads the status comment the report
  // then edits, and a reading taken before another job's report would be stale. (A record
  // copied elsewhere shares the key, so it waits its turn, and then writes nothing.)
  const key = `${record.gitops.toLowerCase()}#${record.request.service}`;
  return withKeyLock(key, async (): Promise<WorkflowRunResult> => {
    const belief = await believeRecord(octokit, { facts, record, trust });
    if (!belief.ok) {
      return {
        outcome: { kind: "ignored", reason: `request record not believed: ${belief.reason}` },
      };
    }
    const outcome = await act(octokit, { facts, screening, record, belief });
    await reportOutcome(octokit, {
      record,
      outcome,
      app: trust.app,
      env: deps.env,
      repository: { owner, name },
      settings: belief.settings,
      // The status comment the belief read is the one to edit, unless this job committed to
      // Repository_B: a commit's writes take seconds (Probot spaces writes a second apart),
      // time for a job under another key (an edit of the request, Argo CD's report) to edit
      // the comment, which a stale reading would overwrite: it is read again. Otherwise only
      // reads came between (at most a Deployment recorded after a crash), so the reading is
      // about as fresh as one the report would make itself.
      ...(committed(outcome) ? {} : { status: belief.status }),
    });
    return { outcome, record, app: trust.app, reported: true };
  });
}

/** The outcome of a job that moved Repository_B's branch. */
function committed(outcome: DeployOutcome): boolean {
  return outcome.kind === "bumped" || (outcome.kind === "deployed" && outcome.commit !== undefined);
}

async function act(
  octokit: Octokit,
  params: {
    facts: WorkflowRunFacts;
    screening: Extract<Screening, { ok: true }>;
    record: RequestRecord;
    belief: Extract<Belief, { ok: true }>;
  },
): Promise<DeployOutcome> {
  const { facts, screening, record, belief } = params;
  const { run } = facts;
  const decision = decideWorkflowRun({ facts, screening, record, status: belief.status.report });
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
    case "green-build":
      return actOnGreenBuild(octokit, { facts, record, settings: belief.settings });
  }
}

/** A green build: what Repository_B deploys now decides between the first deployment, a
 * tag bump, and nothing but the report. */
async function actOnGreenBuild(
  octokit: Octokit,
  params: { facts: WorkflowRunFacts; record: RequestRecord; settings: LoadedSettings },
): Promise<DeployOutcome> {
  const { facts, record, settings } = params;
  const { run } = facts;
  let state: GitopsState;
  try {
    state = await readGitopsState(octokit, {
      gitops: record.gitops,
      service: record.request.service,
      image: record.image,
    });
  } catch (error) {
    // A transient failure heals by running the job again (the queue retries it).
    if (transientReason(error)) throw error;
    // Same rule as for writes: report what the platform team must do, never throw.
    return { kind: "blocked", run, ...accessProblem(record.gitops, error) };
  }
  const decision = decideGreenBuild({
    headSha: run.headSha,
    deployedTag: state.kind === "ready" ? state.tag : undefined,
    imageUpdater: state.kind === "ready" && state.imageUpdater,
  });
  switch (decision.kind) {
    case "ignore":
      return { kind: "ignored", reason: decision.reason };
    case "already-deployed":
      // Reported as the run that committed it would have: the report reads first and writes
      // only what is missing, so a finished request costs reads only.
      return alreadyDeployed(octokit, { state, record, run, tag: decision.tag });
    case "deploy-first":
    case "bump":
      return writeGitops(octokit, {
        facts,
        record,
        state,
        settings,
        bump: decision.kind === "bump",
      });
  }
}

async function writeGitops(
  octokit: Octokit,
  params: {
    facts: WorkflowRunFacts;
    record: RequestRecord;
    state: GitopsState;
    settings: LoadedSettings;
    bump: boolean;
  },
): Promise<DeployOutcome> {
  const { facts, record, state, settings } = params;
  const { run } = facts;
  if (state.kind === "missing") return { kind: "blocked", run, ...missingGitops(state.gitops) };
  try {
    let change: ServiceChange;
    if (params.bump) {
      change = { kind: "bump", run, repository: facts.repository };
    } else {
      // Rendering needs what the platform team set (resources, ingress class, Argo CD
      // project): it lives in the control plane, not in the record.
      if (!settings.ok) return blockedBySettings(run, settings.errors);
      const { fullName, defaultBranch } = facts.repository;
      change = {
        kind: "first-deploy",
        run,
        repository: fullName,
        branch: defaultBranch,
        settings: settings.value,
      };
    }
    const result = await commitServiceChange(octokit, { record, state, change });
    switch (result.kind) {
      case "written":
        if (params.bump) {
          return { kind: "bumped", run, from: result.from, tag: result.tag, commit: result.head };
        }
        return {
          kind: "deployed",
          run,
          tag: result.tag,
          commit: result.commit,
          application: record.request.service,
          url: result.url ?? "",
        };
      case "blocked":
        return { kind: "blocked", run, reason: result.reason, action: result.action };
      case "refused":
        return { kind: "refused", run, reason: result.reason };
      case "unchanged":
        return { kind: "unchanged", run, tag: result.tag, reason: result.reason };
    }
  } catch (error) {
    if (transientReason(error)) throw error;
    // Reported, not thrown: GitHub never redelivers a failed webhook, so a thrown error
    // would leave the requester looking at "CI passed" with nothing deployed.
    return { kind: "blocked", run, ...accessProblem(state.gitops, error) };
  }
}

/** The outcome of a build Repository_B already deploys, with the URL its catalog row
 * promises (the catalog is rewritten with every deployment of the service). */
async function alreadyDeployed(
  octokit: Octokit,
  params: {
    state: GitopsState;
    record: RequestRecord;
    run: WorkflowRunFacts["run"];
    tag: string;
  },
): Promise<DeployOutcome> {
  const { state, record, run, tag } = params;
  const service = record.request.service;
  let url = "";
  if (state.kind === "ready" && state.head) {
    const readme = await readFile(octokit, {
      owner: state.owner,
      repo: state.repo,
      path: CATALOG_PATH,
      ref: state.head,
    });
    url = parseCatalog(readme).find((entry) => entry.service === service)?.url ?? "";
  }
  return { kind: "deployed", run, tag, commit: undefined, application: service, url };
}

/** What to say when Repository_B refused the app: its own fix for 403/404, else the error
 * (describeError already ends with the way out, `/devportal retry`). */
function accessProblem(gitops: string, error: unknown): { reason: string; action: string } {
  return gitopsAccessProblem(gitops, error) ?? { reason: describeError(error), action: "" };
}

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
import { believeRecord, type DeployTrust } from "./believe-record.js";
import { CATALOG_PATH, parseCatalog } from "./commit-gitops.js";
import {
  decideWorkflowRun,
  type Screening,
  screenWorkflowRun,
  type WorkflowRunFacts,
} from "./decide.js";
import { gitopsAccessProblem, missingGitops, readGitopsState } from "./gitops-state.js";
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
 * (3) read what Repository_B deploys, (4) decide, (5) act, (6) report on the request issue.
 * Every step reads GitHub first, so a redelivery or a late run finds its work done. A record
 * not believed writes nothing, reports nowhere.
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
  const belief = await believeRecord(octokit, { facts, record, trust });
  if (!belief.ok) {
    return {
      outcome: { kind: "ignored", reason: `request record not believed: ${belief.reason}` },
    };
  }
  // Everything after the record concerns one service's directory: one delivery at a time,
  // its report included, so a run handled twice at once (its webhook, and the recovery sweep
  // finding the request unfinished) reports once: the second finds the report written.
  const key = `${record.gitops.toLowerCase()}#${record.request.service}`;
  const outcome = await withKeyLock(key, async () => {
    const decided = await act(octokit, { facts, screening, record, settings: belief.settings });
    await reportOutcome(octokit, {
      record,
      outcome: decided,
      app: trust.app,
      env: deps.env,
      repository: { owner, name },
    });
    return decided;
  });
  return { outcome, record, app: trust.app, reported: true };
}

async function act(
  octokit: Octokit,
  params: {
    facts: WorkflowRunFacts;
    screening: Screening;
    record: RequestRecord;
    settings: LoadedSettings;
  },
): Promise<DeployOutcome> {
  const { facts, screening, record, settings } = params;
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
  const decision = decideWorkflowRun({ facts, screening, record, deployedTag, imageUpdater });
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
    state: Awaited<ReturnType<typeof readGitopsState>>;
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
    state: Awaited<ReturnType<typeof readGitopsState>>;
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

import { listRunJobs } from "../../github/actions.js";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Octokit } from "../../github/octokit.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { readRequestRecord } from "../read-request-record.js";
import { withKeyLock } from "../with-key-lock.js";
import { actOnGreenBuild } from "./act-on-green-build.js";
import { type Belief, believeRecord, type DeployTrust } from "./believe-record.js";
import {
  decideWorkflowRun,
  type Screening,
  screenWorkflowRun,
  type WorkflowRunFacts,
} from "./decide.js";
import { type DeployOutcome, failedJobs } from "./outcome.js";
import { reportOutcome } from "./report-outcome.js";

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

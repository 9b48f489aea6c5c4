import { findLatestRun, rerunFailedJobs } from "../../github/actions.js";
import { type Octokit, type RepoParams, splitRepository } from "../../github/octokit.js";
import { getRepository } from "../../github/repos.js";
import { readRequestRecord } from "../read-request-record.js";
import type { StatusReport } from "../status/status-report.js";
import type { DeployTrust } from "./believe-record.js";
import { FAILED_CONCLUSIONS, WORKFLOW_PATH } from "./decide.js";
import { processWorkflowRun, type WorkflowRunResult } from "./process-workflow-run.js";
import { reportOutcome } from "./report-outcome.js";

/** The workflow's file name: the runs API takes it in place of the numeric workflow id. */
const WORKFLOW_FILE = WORKFLOW_PATH.slice(WORKFLOW_PATH.lastIndexOf("/") + 1);

/**
 * `/devportal retry` once the code is pushed: the newest build of the default branch decides.
 * Failed: re-run its failed jobs (a new attempt of the same run and commit, whose
 * `workflow_run` webhooks carry on from there), reported as CI running. Green: handle it as
 * if its webhook had just arrived, which finishes a deployment that was blocked (Repository_B
 * missing, no access) and does nothing when the deployment already happened. Undefined when
 * there is no build to act on yet. With `rerunFailed: false` (the recovery sweep, which nobody
 * asked to re-run anything) a failed build is reported as if its webhook had just arrived.
 */
export async function retryDeployment(
  octokit: Octokit,
  params: RepoParams & { trust: DeployTrust },
  options: { rerunFailed: boolean } = { rerunFailed: true },
): Promise<WorkflowRunResult | undefined> {
  const repo = { owner: params.owner, repo: params.repo };
  const repository = await getRepository(octokit, repo);
  if (!repository) return undefined;
  const branch = repository.defaultBranch;
  const run = await findLatestRun(octokit, { ...repo, workflow: WORKFLOW_FILE, branch });
  if (run?.status !== "completed") return undefined;
  const failed = run.conclusion !== null && FAILED_CONCLUSIONS.includes(run.conclusion);
  if (failed && options.rerunFailed) {
    const record = (await readRequestRecord(octokit, { ...repo, ref: run.headSha }))?.record;
    if (!record) return undefined;
    await rerunFailedJobs(octokit, { ...repo, runId: run.id });
    return { outcome: { kind: "ci-running", run }, record };
  }
  const { owner, repo: name } = splitRepository(repository.fullName);
  return processWorkflowRun(
    octokit,
    {
      action: "completed",
      repository: {
        id: repository.id,
        owner,
        name,
        fullName: repository.fullName,
        defaultBranch: branch,
      },
      run,
    },
    { env: params.trust.env, app: async () => params.trust.app },
  );
}

/**
 * The deploy half of `/devportal retry`, after provisioning has been resumed: once the code
 * is pushed, re-run a failed build or finish a blocked deployment, and report it in the same
 * status comment. Before that there is no build to retry.
 */
export async function retryBuild(
  octokit: Octokit,
  params: { report: StatusReport; trust: DeployTrust },
  options: { rerunFailed: boolean } = { rerunFailed: true },
): Promise<void> {
  const { report, trust } = params;
  // The repository this run proved to be the request's own (ensureRepository), nothing else.
  if (report.steps.code.state !== "done" || !report.repository) return;
  const repository = splitRepository(report.repository.fullName);
  const result = await retryDeployment(octokit, { ...repository, trust }, options);
  // A green build was reported as its webhook would have been; a re-run is reported here.
  if (result?.record && !result.reported) {
    await reportOutcome(octokit, {
      record: result.record,
      outcome: result.outcome,
      app: trust.app,
      env: trust.env,
      repository: { owner: repository.owner, name: repository.repo },
    });
  }
}

import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { transientReason } from "../../runtime/transient.js";
import type { LoadedSettings } from "../intake/load-settings.js";
import { describeError } from "../provision/step-error.js";
import { CATALOG_PATH, parseCatalog } from "./commit-gitops.js";
import { decideGreenBuild, type WorkflowRunFacts } from "./decide.js";
import {
  type GitopsState,
  gitopsAccessProblem,
  missingGitops,
  readGitopsState,
} from "./gitops-state.js";
import { blockedBySettings, type DeployOutcome } from "./outcome.js";
import { commitServiceChange, type ServiceChange } from "./service-commit.js";

/** A green build: what Repository_B deploys now decides between the first deployment, a
 * tag bump, and nothing but the report. */
export async function actOnGreenBuild(
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

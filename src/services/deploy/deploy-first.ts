import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/repos.js";
import { render } from "../../render/render.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import {
  APPLICATION_SET_PATH,
  CATALOG_PATH,
  commitGitops,
  firstDeployMessage,
  gitopsChanges,
} from "./commit-gitops.js";
import type { WorkflowRunFacts } from "./decide.js";
import type { GitopsState } from "./gitops-state.js";
import { blockedBySettings, commitUrl, type DeployOutcome } from "./outcome.js";

type Ready = Extract<GitopsState, { kind: "ready" }>;

/**
 * The first green build: render Repository_B for the service with the run's head SHA as the
 * image tag (the workflow tags every image with the full commit SHA) and write
 * `apps/<service>/`, plus the bootstrap files Repository_B still lacks, in ONE commit.
 */
export async function deployFirst(
  octokit: Octokit,
  params: {
    facts: WorkflowRunFacts;
    record: RequestRecord;
    state: Ready;
    settings: PortalSettings;
  },
): Promise<DeployOutcome> {
  const { facts, record, state, settings } = params;
  const run = facts.run;
  const rendered = render({
    request: record.request,
    settings,
    owner: facts.repository.owner,
    tag: run.headSha,
    branch: facts.repository.defaultBranch,
    gitopsBranch: state.branch,
    ...(record.origin ? { origin: record.origin } : {}),
  });
  if (!rendered.ok) return blockedBySettings(run, rendered.errors);
  const { target } = rendered.value.context;
  // The record says where the service was promised to deploy; settings edited since then
  // must not silently send it elsewhere.
  if (target.gitops.fullName !== record.gitops || target.image !== record.image) {
    return {
      kind: "blocked",
      run,
      reason: `the settings now resolve to ${target.gitops.fullName} / ${target.image}, the request record to ${record.gitops} / ${record.image}`,
      action: "restore the settings the service was created with, or move the service by hand",
    };
  }
  const service = record.request.service;
  const entry = {
    service,
    url: target.url,
    image: target.image,
    database: record.request.deploy.database,
    repository: facts.repository.fullName,
  };
  const result = await commitGitops(octokit, {
    owner: state.owner,
    repo: state.repo,
    branch: state.branch,
    plan: async (head) => {
      const at = { owner: state.owner, repo: state.repo, ref: head };
      const readme = await readFile(octokit, { ...at, path: CATALOG_PATH });
      const applicationSet = await readFile(octokit, { ...at, path: APPLICATION_SET_PATH });
      const changes = gitopsChanges({
        rendered: rendered.value.repositoryB,
        service,
        entry,
        current: { readme, hasApplicationSet: applicationSet !== undefined },
      });
      const message = firstDeployMessage({
        service,
        repository: facts.repository.fullName,
        tag: run.headSha,
        run,
        origin: record.origin,
      });
      return { write: { ...changes, message } };
    },
  });
  const commit =
    result.kind === "written" && result.created
      ? { sha: result.sha, url: commitUrl(state.gitops, result.sha) }
      : undefined;
  return { kind: "deployed", run, tag: run.headSha, commit, application: service, url: target.url };
}

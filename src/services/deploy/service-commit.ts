import { type Octokit, splitRepository } from "../../github/octokit.js";
import { compareCommits, readFile } from "../../github/repos.js";
import { render } from "../../render/render.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { setKustomizationTag } from "../../render/repository-b/set-kustomization-tag.js";
import { checkHostUnique } from "../../request/deploy-policy.js";
import {
  formatError,
  type RequestOrigin,
  type ServiceRequest,
} from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import {
  APPLICATION_SET_PATH,
  bumpMessage,
  CATALOG_PATH,
  commitGitops,
  firstDeployMessage,
  type GitopsPlan,
  gitopsChanges,
  type RunRef,
  redeployMessage,
} from "./commit-gitops.js";
import { COMMIT_SHA, decideAncestry } from "./decide.js";
import { type GitopsState, kustomizationPath, kustomizationTag } from "./gitops-state.js";
import { commitUrl, type GitopsCommit } from "./outcome.js";
import { hostsByService } from "./served-hosts.js";

type Ready = Extract<GitopsState, { kind: "ready" }>;

/** What is asked of `apps/<service>/` in Repository_B. */
export type ServiceChange =
  | {
      /** The first green build: the service's directory, and the bootstrap files Repository_B
       * still lacks, rendered with the build's commit as the image tag. */
      kind: "first-deploy";
      run: RunRef & { headSha: string };
      /** Repository_A, `owner/name`, and its default branch. */
      repository: string;
      branch: string;
      settings: PortalSettings;
    }
  | {
      /** The request's `deploy` section changed: the directory re-rendered, the tag kept. */
      kind: "deploy-section";
      request: ServiceRequest;
      /** Keys of `deploy` that changed, for the commit message. */
      changed: string[];
      repository: string;
      settings: PortalSettings;
      origin: RequestOrigin;
    }
  | {
      /** A later green build: `newTag` moves to its commit, only forwards in history. */
      kind: "bump";
      run: RunRef & { headSha: string };
      repository: { owner: string; name: string; fullName: string };
    };

export type ServiceCommit =
  | {
      kind: "written";
      /** The branch head after the call, with its link. */
      head: GitopsCommit;
      /** Undefined when Repository_B already held exactly these files (a redelivery). */
      commit: GitopsCommit | undefined;
      /** The tag deployed before (a bump), else the tag written. */
      from: string;
      tag: string;
      url: string | undefined;
    }
  /** The settings no longer render this service, or render it somewhere the request record
   * never promised: `action` is what the platform team must do. */
  | { kind: "blocked"; reason: string; action: string }
  | { kind: "unchanged"; tag: string; reason: string }
  | { kind: "refused"; reason: string };

type Skip = Extract<ServiceCommit, { kind: "unchanged" | "refused" | "blocked" }>;

/**
 * The one commit plan for `apps/<service>/`, shared by the first deployment, changes of the
 * request's `deploy` section and tag bumps. Rendered changes pass the settings-drift guard
 * first: the request record says which GitOps repository and which image the service was
 * promised, and settings edited since (another `owner`, `registry` or `gitops_repo`) must
 * neither move it nor point it at an image its workflow never pushed. The plan is made from
 * what the branch holds at the head it builds on, so a lost race re-plans from scratch.
 */
export async function commitServiceChange(
  octokit: Octokit,
  params: { record: RequestRecord; state: Ready; change: ServiceChange },
): Promise<ServiceCommit> {
  const { record, state, change } = params;
  const service = record.request.service;
  let from = "";
  let tag = state.tag ?? "";
  let url: string | undefined;
  let plan: (head: string) => Promise<GitopsPlan<Skip>>;
  if (change.kind === "bump") {
    tag = change.run.headSha;
    plan = async (head) => {
      const planned = await planBump(octokit, { record, state, change, head });
      if ("write" in planned) from = planned.from;
      return planned;
    };
  } else {
    const rendered = renderService({ record, state, change });
    if (rendered.kind === "blocked") return rendered;
    if (change.kind === "first-deploy") tag = change.run.headSha;
    from = tag;
    url = rendered.url;
    plan = async (head) => {
      const at = { owner: state.owner, repo: state.repo, ref: head };
      const readme = await readFile(octokit, { ...at, path: CATALOG_PATH });
      // Checked again here, against the branch being written: another service may have
      // claimed the host since this one was requested.
      const clash = checkHostUnique(rendered.host, service, hostsByService(readme))[0];
      if (clash) {
        return {
          skip: {
            kind: "blocked",
            reason: clash.message,
            action: "change the request's host, then `/devportal retry`",
          },
        };
      }
      // A deploy-section change finds the ApplicationSet there: only the first deployment
      // may add one (the platform team may have tuned theirs since).
      const hasApplicationSet =
        change.kind !== "first-deploy" ||
        (await readFile(octokit, { ...at, path: APPLICATION_SET_PATH })) !== undefined;
      const changes = gitopsChanges({
        rendered: rendered.files,
        service,
        entry: rendered.entry,
        current: { readme, hasApplicationSet },
      });
      const message =
        change.kind === "first-deploy"
          ? firstDeployMessage({
              service,
              repository: change.repository,
              tag,
              run: change.run,
              origin: record.origin,
            })
          : redeployMessage({ service, changed: change.changed, tag });
      return { write: { ...changes, message } };
    };
  }
  const result = await commitGitops(octokit, {
    owner: state.owner,
    repo: state.repo,
    branch: state.branch,
    // Read with the deployed tag a moment ago: the plan starts there.
    head: state.head,
    plan,
  });
  if (result.kind === "skipped") return result.value;
  const commit = result.created
    ? { sha: result.sha, url: commitUrl(state.gitops, result.sha) }
    : undefined;
  const head = { sha: result.sha, url: commitUrl(state.gitops, result.sha) };
  return { kind: "written", head, commit, from, tag, url };
}

/** Render the service's Repository_B files for a change, behind the settings-drift guard. */
function renderService(params: {
  record: RequestRecord;
  state: Ready;
  change: Extract<ServiceChange, { kind: "first-deploy" | "deploy-section" }>;
}):
  | { kind: "ok"; files: Record<string, string>; url: string; host: string; entry: CatalogRow }
  | Extract<ServiceCommit, { kind: "blocked" }> {
  const { record, state, change } = params;
  const first = change.kind === "first-deploy";
  const origin = first ? record.origin : change.origin;
  const request = first ? record.request : change.request;
  const rendered = render({
    request,
    settings: change.settings,
    owner: splitRepository(change.repository).owner,
    ...(first ? { tag: change.run.headSha, branch: change.branch } : { tag: state.tag ?? "" }),
    gitopsBranch: state.branch,
    ...(origin ? { origin } : {}),
  });
  if (!rendered.ok) {
    return {
      kind: "blocked",
      reason: rendered.errors.map(formatError).join("; "),
      action: "fix the portal settings, then `/devportal retry`",
    };
  }
  const { target } = rendered.value.context;
  if (target.gitops.fullName !== record.gitops || target.image !== record.image) {
    return {
      kind: "blocked",
      reason: `the settings now resolve to ${target.gitops.fullName} / ${target.image}, the request record to ${record.gitops} / ${record.image}`,
      action: "restore the settings the service was created with, or move the service by hand",
    };
  }
  return {
    kind: "ok",
    files: rendered.value.repositoryB,
    url: target.url,
    host: target.host,
    entry: {
      service: request.service,
      url: target.url,
      image: target.image,
      database: request.deploy.database,
      repository: change.repository,
    },
  };
}

type CatalogRow = Parameters<typeof gitopsChanges>[0]["entry"];

/**
 * A later green build: move `newTag` in `apps/<service>/kustomization.yaml` to the run's
 * head SHA, and nothing else, only when the build is newer than what is deployed. The tag is
 * re-read at `head`, so a lost race re-judges ancestry against whatever the winner deployed.
 */
async function planBump(
  octokit: Octokit,
  params: {
    record: RequestRecord;
    state: Ready;
    change: Extract<ServiceChange, { kind: "bump" }>;
    head: string;
  },
): Promise<
  | ({ from: string } & {
      write: { files: Record<string, string>; deletePaths: string[]; message: string };
    })
  | { skip: Skip }
> {
  const { record, state, change, head } = params;
  const { run, repository } = change;
  const service = record.request.service;
  const path = kustomizationPath(service);
  // A commit's files never change: at the head the state was read from, its text is known.
  const text =
    head === state.head
      ? state.kustomization
      : await readFile(octokit, { owner: state.owner, repo: state.repo, path, ref: head });
  const deployed = text === undefined ? undefined : kustomizationTag(text, record.image);
  if (text === undefined || deployed === undefined) {
    return {
      skip: { kind: "refused", reason: `${path} in ${state.gitops} has no image ${record.image}` },
    };
  }
  const needsHistory = deployed !== run.headSha && COMMIT_SHA.test(deployed);
  const relation = needsHistory
    ? await compareCommits(octokit, {
        owner: repository.owner,
        repo: repository.name,
        base: deployed,
        head: run.headSha,
      })
    : undefined;
  const ancestry = decideAncestry({ deployed, candidate: run.headSha, relation });
  if (ancestry.move === "none") {
    return { skip: { kind: "unchanged", tag: deployed, reason: ancestry.reason } };
  }
  if (ancestry.move === "refuse") return { skip: { kind: "refused", reason: ancestry.reason } };
  const updated = setKustomizationTag(text, { image: record.image, tag: run.headSha });
  const message = bumpMessage({
    service,
    repository: repository.fullName,
    from: deployed,
    tag: run.headSha,
    run,
  });
  return { from: deployed, write: { files: { [path]: updated }, deletePaths: [], message } };
}

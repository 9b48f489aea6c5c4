import { getBranchHead, readCommitTree } from "../../github/git.js";
import { type Octokit, statusOf } from "../../github/octokit.js";
import { getAccountType } from "../../github/orgs.js";
import { createOrgRepository, getRepository, type RepositoryInfo } from "../../github/repos.js";
import type { RenderContext } from "../../render/render-context.js";
import type { RequestOrigin } from "../../request/service-request.js";
import { readRequestRecord } from "../read-request-record.js";
import { carriesMark, markedDescription, repositoryMark } from "./repository-marker.js";
import { sameRequest } from "./same-request.js";
import { StepError, transientKind } from "./step-error.js";

/** What GitHub's `auto_init` puts in a new repository's first commit. */
const AUTO_INIT_FILES = new Set(["README.md"]);

/** How long after its creation a marked repository without the app's answer is still taken
 * for the one the app just created (a lost 502, a retry soon after). */
export const OWN_REPOSITORY_WINDOW_MS = 30 * 60 * 1000;

/** The repository this request's status comment (the app's own) records as its Repository_A. */
export interface KnownRepository {
  fullName: string;
  id: number;
}

export interface EnsuredRepository extends RepositoryInfo {
  /** created: the app made it for this request (now, or in an earlier run whose answer was
   * lost); resumed: it already holds this request's code and record. */
  state: "created" | "resumed";
  /** The branch head when resumed: the commit that holds the request record. */
  head?: string;
}

export interface EnsureRepositoryParams {
  context: RenderContext;
  origin: RequestOrigin;
  /** The key of the repository mark (see repository-marker.ts). */
  markKey: string;
  known?: KnownRepository | undefined;
  now?: () => number;
}

/**
 * Step 1: Repository_A. An existing repository is used only when it is provably this
 * request's own: the status comment names it by id, or it carries the app's mark for this
 * name and request. Anything else (someone's project, the GitOps repository, a private
 * repository the requester cannot read, a repository with a copied record) is refused, and
 * nothing is written to it.
 */
export async function ensureRepository(
  octokit: Octokit,
  params: EnsureRepositoryParams,
): Promise<EnsuredRepository> {
  const { repository } = params.context.target;
  const owner = repository.owner;
  const repo = repository.name;
  const mark = repositoryMark({
    key: params.markKey,
    fullName: repository.fullName,
    origin: params.origin,
  });
  const existing = await getRepository(octokit, { owner, repo });
  if (existing) return inspect(octokit, { ...params, info: existing, mark });
  try {
    const created = await createOrgRepository(octokit, {
      org: owner,
      name: repo,
      description: markedDescription(params.context.request.description, mark),
      visibility: params.context.settings.visibility,
    });
    return { ...created, state: "created" };
  } catch (error) {
    const status = statusOf(error);
    // 422: the name exists (a concurrent run of this request, or anyone's); 5xx or a lost
    // connection: GitHub may have created it and lost the answer. The repository decides.
    if (status !== undefined && status !== 422 && status < 500) {
      throw await explainCreateFailure(octokit, { owner, repo, error });
    }
    const raced = await getRepository(octokit, { owner, repo });
    if (!raced) throw error;
    return inspect(octokit, { ...params, info: raced, mark });
  }
}

async function inspect(
  octokit: Octokit,
  params: EnsureRepositoryParams & { info: RepositoryInfo; mark: string },
): Promise<EnsuredRepository> {
  const { info, known } = params;
  const owner = info.fullName.split("/")[0] ?? "";
  const repo = info.fullName.split("/")[1] ?? "";
  const recorded =
    known !== undefined &&
    known.id === info.id &&
    known.fullName.toLowerCase() === info.fullName.toLowerCase();
  const marked = carriesMark(info.description, params.mark);
  const head = await getBranchHead(octokit, { owner, repo, branch: info.defaultBranch });
  if (!head) throw taken(info);
  const origin = (await readRequestRecord(octokit, { owner, repo, ref: head }))?.origin;
  if (origin) {
    if (!sameRequest(origin, params.origin)) {
      throw new StepError(
        `${info.fullName} already answers another request (${origin.repository}${origin.issue ? `#${origin.issue}` : ""}): choose another service name`,
      );
    }
    // A record naming this request proves nothing by itself (anyone can commit a copy):
    // the app believes it only in a repository it knows it created for this request.
    if (recorded || marked) return { ...info, state: "resumed", head };
    throw new StepError(
      `${info.fullName} holds a request record naming this request, but Dev Portal did not create it for this request: nothing was written to it; choose another service name`,
    );
  }
  if (recorded) return { ...info, state: "created" };
  if (marked && (await onlyAutoInit(octokit, { owner, repo, head })) && recent(info, params)) {
    return { ...info, state: "created" };
  }
  throw taken(info);
}

function taken(info: RepositoryInfo): StepError {
  return new StepError(
    `the name is taken: ${info.fullName} already exists and Dev Portal did not create it for this request, so nothing was written to it; choose another service name`,
  );
}

async function onlyAutoInit(
  octokit: Octokit,
  params: { owner: string; repo: string; head: string },
): Promise<boolean> {
  const tree = await readCommitTree(octokit, { ...params, commit: params.head });
  return tree.parents === 0 && [...tree.files.keys()].every((path) => AUTO_INIT_FILES.has(path));
}

function recent(info: RepositoryInfo, params: { now?: () => number }): boolean {
  const created = Date.parse(info.createdAt);
  const now = params.now?.() ?? Date.now();
  return Number.isFinite(created) && now - created <= OWN_REPOSITORY_WINDOW_MS;
}

async function explainCreateFailure(
  octokit: Octokit,
  params: { owner: string; repo: string; error: unknown },
): Promise<unknown> {
  const status = statusOf(params.error);
  // A rate limit also answers 403: it is a pause, not a missing permission.
  if ((status !== 404 && status !== 403) || transientKind(params.error)) return params.error;
  const type = await getAccountType(octokit, { login: params.owner }).catch(() => undefined);
  if (type === "User") {
    return new StepError(
      `${params.owner} is a personal account, where a GitHub App cannot create repositories: the platform team sets owner in the portal settings to an organisation`,
      "platform",
    );
  }
  return new StepError(
    `the app may not create repositories in ${params.owner} (GitHub answered ${status}): the platform team installs it there with "Administration: write", then comments /devportal retry`,
    "platform",
  );
}

import { commitParentCount, getBranchHead, readCommitTree } from "../../github/git.js";
import { type Octokit, statusOf } from "../../github/octokit.js";
import { getAccountType } from "../../github/orgs.js";
import { createOrgRepository, getRepository, type RepositoryInfo } from "../../github/repos.js";
import type { RenderContext } from "../../render/render-context.js";
import type { RequestOrigin } from "../../request/service-request.js";
import { transientReason } from "../../runtime/transient.js";
import { readRequestRecord } from "../read-request-record.js";
import { carriesMark, markedDescription, repositoryMark } from "./repository-marker.js";
import { sameRequest } from "./same-request.js";
import { StepError } from "./step-error.js";

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
      homepage: requestUrl(octokit, params.origin),
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
  if (!head) throw taken(info, params.origin);
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
  throw taken(info, params.origin);
}

function taken(info: RepositoryInfo, origin: RequestOrigin): StepError {
  // Created by the app for another request whose code is not pushed yet: its homepage names
  // that request, which the requester is pointed at.
  const claimedBy = info.homepage ? claimOf(info.homepage) : undefined;
  if (claimedBy && !sameClaim(claimedBy, origin)) {
    return new StepError(
      `${info.fullName} is being created for another request (${claimedBy}): choose another service name`,
    );
  }
  return new StepError(
    `the name is taken: ${info.fullName} already exists and Dev Portal did not create it for this request, so nothing was written to it; choose another service name`,
  );
}

async function onlyAutoInit(
  octokit: Octokit,
  params: { owner: string; repo: string; head: string },
): Promise<boolean> {
  const tree = await readCommitTree(octokit, { ...params, commit: params.head });
  if (![...tree.files.keys()].every((path) => AUTO_INIT_FILES.has(path))) return false;
  // Only GitHub's own first commit: files restored to the auto-init set later do not count.
  return (await commitParentCount(octokit, { ...params, commit: params.head })) === 0;
}

function recent(info: RepositoryInfo, params: { now?: () => number }): boolean {
  const created = Date.parse(info.createdAt);
  const now = params.now?.() ?? Date.now();
  return Number.isFinite(created) && now - created <= OWN_REPOSITORY_WINDOW_MS;
}

/** The request's web address, set as the new repository's homepage. */
function requestUrl(octokit: Octokit, origin: RequestOrigin): string {
  // api.github.com -> github.com; GitHub Enterprise: https://host/api/v3 -> https://host.
  const api = String(octokit.request.endpoint.DEFAULTS.baseUrl);
  const web =
    api === "https://api.github.com" ? "https://github.com" : api.replace(/\/api\/v3\/?$/, "");
  return origin.kind === "issue"
    ? `${web}/${origin.repository}/issues/${origin.issue}`
    : `${web}/${origin.repository}/blob/HEAD/${origin.path}`;
}

/** "owner/repo#7" or "owner/repo:path" from a homepage the app set; undefined otherwise
 * (a homepage people set is not a claim). */
function claimOf(homepage: string): string | undefined {
  const issue = homepage.match(/\/([^/]+\/[^/]+)\/issues\/(\d+)$/);
  if (issue) return `${issue[1]}#${issue[2]}`;
  const file = homepage.match(/\/([^/]+\/[^/]+)\/blob\/HEAD\/(.+)$/);
  return file ? `${file[1]}:${file[2]}` : undefined;
}

function sameClaim(claim: string, origin: RequestOrigin): boolean {
  const mine =
    origin.kind === "issue"
      ? `${origin.repository}#${origin.issue}`
      : `${origin.repository}:${origin.path}`;
  return claim.toLowerCase() === mine.toLowerCase();
}

async function explainCreateFailure(
  octokit: Octokit,
  params: { owner: string; repo: string; error: unknown },
): Promise<unknown> {
  const status = statusOf(params.error);
  // A rate limit is a 403 too: it heals by waiting, and says nothing about permissions.
  if ((status !== 404 && status !== 403) || transientReason(params.error)) return params.error;
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

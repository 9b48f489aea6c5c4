import { getBranchHead, readCommitTree } from "../../github/git.js";
import { type Octokit, statusOf } from "../../github/octokit.js";
import { getAccountType } from "../../github/orgs.js";
import { createOrgRepository, getRepository, type RepositoryInfo } from "../../github/repos.js";
import type { RenderContext } from "../../render/render-context.js";
import type { RequestOrigin } from "../../request/service-request.js";
import { transientReason } from "../../runtime/transient.js";
import { readRequestRecord } from "../read-request-record.js";
import { sameRequest } from "./same-request.js";
import { StepError } from "./step-error.js";

/** Files GitHub's "initialize this repository" options create: a repository holding only
 * these in its first commit has nothing of anyone's to lose. */
const INITIAL_FILES = new Set(["README.md", "LICENSE", ".gitignore"]);

export interface EnsuredRepository extends RepositoryInfo {
  /** created: made now; adopted: an empty one found; resumed: our own, code already pushed. */
  state: "created" | "adopted" | "resumed";
  /** True for an adopted repository without any commit (the Git Data API needs one). */
  empty: boolean;
  /** The branch head when resumed: the commit that holds the request record. */
  head?: string;
}

/**
 * Step 1: Repository_A. Never writes into a repository that is neither new, empty, nor
 * already holding this very request's record.
 */
export async function ensureRepository(
  octokit: Octokit,
  params: { context: RenderContext; origin: RequestOrigin },
): Promise<EnsuredRepository> {
  const { repository } = params.context.target;
  const owner = repository.owner;
  const repo = repository.name;
  const existing = await getRepository(octokit, { owner, repo });
  if (!existing) {
    try {
      const created = await createOrgRepository(octokit, {
        org: owner,
        name: repo,
        description: params.context.request.description,
        visibility: params.context.settings.visibility,
        homepage: requestUrl(octokit, params.origin),
      });
      return { ...created, state: "created", empty: false };
    } catch (error) {
      const status = statusOf(error);
      // 422: created meanwhile (a concurrent delivery); inspect it like any existing one.
      if (status !== 422) throw await explainCreateFailure(octokit, { owner, repo, error });
      const raced = await getRepository(octokit, { owner, repo });
      if (!raced) throw error;
      return inspect(octokit, { info: raced, owner, repo, origin: params.origin });
    }
  }
  return inspect(octokit, { info: existing, owner, repo, origin: params.origin });
}

async function inspect(
  octokit: Octokit,
  params: { info: RepositoryInfo; owner: string; repo: string; origin: RequestOrigin },
): Promise<EnsuredRepository> {
  const { info, owner, repo } = params;
  const head = await getBranchHead(octokit, { owner, repo, branch: info.defaultBranch });
  if (!head) return { ...info, state: "adopted", empty: true };
  const origin = (await readRequestRecord(octokit, { owner, repo, ref: head }))?.origin;
  if (origin && sameRequest(origin, params.origin)) {
    return { ...info, state: "resumed", empty: false, head };
  }
  if (origin) {
    throw new StepError(
      `${info.fullName} already answers another request (${origin.repository}${origin.issue ? `#${origin.issue}` : ""}): choose another service name`,
    );
  }
  const tree = await readCommitTree(octokit, { owner, repo, commit: head });
  const initialOnly =
    tree.parents === 0 && [...tree.files.keys()].every((path) => INITIAL_FILES.has(path));
  // Created by the app for a request whose code is not pushed yet: ours when its homepage
  // names this request (our answer was lost), another request's otherwise.
  const claimedBy = info.homepage ? claimOf(info.homepage) : undefined;
  if (initialOnly && claimedBy && !sameClaim(claimedBy, params.origin)) {
    throw new StepError(
      `${info.fullName} is being created for another request (${claimedBy}): choose another service name`,
    );
  }
  if (initialOnly) return { ...info, state: "adopted", empty: false };
  throw new StepError(
    `the name is taken: ${info.fullName} already exists and holds other work; choose another service name`,
  );
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
      `${params.owner} is a personal account, where a GitHub App cannot create repositories: create an empty repository ${params.owner}/${params.repo}, grant the app access to it, then comment /devportal retry`,
    );
  }
  return new StepError(
    `the app may not create repositories in ${params.owner} (GitHub answered ${status}): install it there with "Administration: write", then comment /devportal retry`,
  );
}

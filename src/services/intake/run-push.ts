import type { Logger } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { findMergedPullRequest } from "../../github/pulls.js";
import { upsertCommitComment } from "../../github/repos.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { commitCommentMarker } from "../state-in-github.js";
import { outcomeOf, type StatusReport } from "../status/status-report.js";
import { fileRequestJob } from "./file-request-job.js";
import { findOrOpenRequestIssue } from "./find-or-open-request-issue.js";
import { loadSettings, takesRequests } from "./load-settings.js";
import { runRequest } from "./run-request.js";

const OUTCOME_TEXT = {
  failed: "❌ stopped",
  provisioning: "⏳ provisioned, waiting for CI",
  deployed: "✅ deployed",
} as const;

/**
 * Request files pushed to the default branch: one request per file. A push that a pull
 * request's merge made continues on that pull request (its status comment per file, and a
 * comment mentioning the author when a person must act); a direct push is tracked in an
 * issue the app opens. Either way the pushed commit points to the status. Only the
 * repositories the control plane lists in `request_repositories` take requests: a member's
 * own repository (or a service repository the app created) gets no write at all.
 *
 * The push, not `pull_request.closed`, starts the work: it is the one event both doors
 * share, it names the commit that really landed, and GitHub answers which merged pull request
 * made that commit (`GET /commits/{sha}/pulls`) however late or often either event arrives.
 */
export async function runPush(
  deps: ResolvedDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    sha: string;
    sender: string;
    files: string[];
    defaultBranch: string;
    /** The queue's attempt, for the back-off of transient failures. */
    attempt?: number;
  },
): Promise<void> {
  const { octokit, log, repo, sha } = params;
  const settings = await loadSettings(octokit, { owner: repo.owner, env: deps.env });
  if (!takesRequests(settings, repo)) {
    log.info({ repo: repo.repo }, "push to a repository that takes no requests: ignored");
    return;
  }
  const app = await deps.app();
  const pull = await findMergedPullRequest(octokit, { ...repo, sha, base: params.defaultBranch });
  log.info({ repo: repo.repo, sha, pull: pull?.number }, "request files landed");
  for (const path of params.files) {
    const issue = pull
      ? { number: pull.number, labels: pull.labels }
      : await findOrOpenRequestIssue(octokit, { ...repo, path, sha, app, sender: params.sender });
    const job = {
      ...fileRequestJob({
        ...params,
        issue,
        path,
        settings,
        ...(pull ? { pullRequest: { author: pull.author } } : {}),
      }),
      attempt: params.attempt ?? 0,
    };
    const report = await runRequest(deps, job);
    if (!report) continue;
    await pointCommitToStatus(octokit, { ...repo, app, sha, path, issue: issue.number, report });
  }
}

/** The pushed commit's one comment per request file: where its status is, and how it stands
 * (edited in place; unchanged text writes nothing). */
export async function pointCommitToStatus(
  octokit: Octokit,
  params: RepoParams & {
    app: AppIdentity;
    sha: string;
    path: string;
    issue: number;
    report: StatusReport;
  },
): Promise<void> {
  const { path } = params;
  const marker = commitCommentMarker(path);
  await upsertCommitComment(octokit, {
    owner: params.owner,
    repo: params.repo,
    app: params.app,
    sha: params.sha,
    marker,
    body: `${marker}\nDev Portal: \`${path}\` ${OUTCOME_TEXT[outcomeOf(params.report)]}; status in #${params.issue}.`,
  });
}

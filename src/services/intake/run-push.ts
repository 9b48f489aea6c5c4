import type { Logger } from "probot";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { upsertCommitComment } from "../../github/repos.js";
import type { PortalDeps } from "../portal-deps.js";
import { commitCommentMarker } from "../state-in-github.js";
import { outcomeOf } from "../status/status-report.js";
import { fileRequestJob } from "./file-request-job.js";
import { findOrOpenRequestIssue } from "./find-or-open-request-issue.js";
import { loadSettings } from "./load-settings.js";
import { runRequest } from "./run-request.js";

const OUTCOME_TEXT = {
  failed: "❌ stopped",
  provisioning: "⏳ provisioned, waiting for CI",
  deployed: "✅ deployed",
} as const;

/**
 * Request files pushed to the default branch: one request per file, each tracked in its
 * own issue and pointed to from a comment on the pushed commit. Only a repository holding
 * its own `.github/devportal.yml` is a request repository; the service repositories the app
 * creates never hold one, so the app's own writes are never taken for requests.
 */
export async function runPush(
  deps: PortalDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    sha: string;
    sender: string;
    files: string[];
    /** The queue's attempt, for the back-off of transient failures. */
    attempt?: number;
  },
): Promise<void> {
  const { octokit, log, repo, sha } = params;
  const settings = await loadSettings(octokit, repo);
  if (!settings.own) {
    log.debug({ repo: repo.repo }, "push to a repository without .github/devportal.yml ignored");
    return;
  }
  for (const path of params.files) {
    const issue = await findOrOpenRequestIssue(octokit, { ...repo, path, sha });
    const job = {
      ...fileRequestJob({ ...params, issue, path, settings }),
      attempt: params.attempt ?? 0,
    };
    const report = await runRequest(deps, job);
    const marker = commitCommentMarker(path);
    await upsertCommitComment(octokit, {
      ...repo,
      sha,
      marker,
      body: `${marker}\nDev Portal: \`${path}\` ${OUTCOME_TEXT[outcomeOf(report)]}; status in #${issue.number}.`,
    });
  }
}

import type { Logger, Probot } from "probot";
import { type AppIdentity, isAppAuthor } from "../../github/app-identity.js";
import { listInstallations, listRepositories } from "../../github/apps.js";
import { findAppComment, listOpenIssues, type OpenIssue } from "../../github/issues.js";
import { isWaiting } from "../../services/deploy/check-overdue.js";
import { loadSettings, takesRequests } from "../../services/intake/load-settings.js";
import {
  decodeStatusMarker,
  fileRequestPathOf,
  REQUEST_LABEL,
  STATUS_MARKER,
} from "../../services/state-in-github.js";
import { outcomeOf } from "../../services/status/status-report.js";
import { fileRequestKey, issueRequestKey, serviceKey } from "../job-keys.js";
import { findUnfinishedPullRequests, MERGED_WINDOW_MS } from "./find-unfinished-pulls.js";

/** The payload of a `devportal.recover` job: one open request issue to finish, or one request
 * file on a recently merged pull request (`pullRequest`). */
export interface RecoverPayload {
  installation: { id: number };
  owner: string;
  repo: string;
  defaultBranch: string;
  issue: OpenIssue;
  /** Who asked: the status comment's recorded requester, else the issue's author. */
  requester: string;
  key: string;
  /** Set when the request's home is a merged pull request (`issue` is that pull request):
   * the request file whose status comment there is unfinished. */
  pullRequest?: { path: string };
  /** "argocd": provisioning and the GitOps commit are done; what is missing is Argo CD's
   * report, which no event announces when it never comes (the overdue check). */
  awaiting?: "argocd";
}

/**
 * Unfinished work, read from what GitHub holds: in every installation, the open issues
 * labelled as requests whose status comment says neither "failed" nor "deployed" (its
 * marker names the step), or that have no status comment yet (the app stopped between
 * answering the delivery and its first write), or that say "deployed" on an issue never
 * closed (the app stopped between the status comment and the label or the close); and the
 * ones whose GitOps commit is made and still waiting for Argo CD's first report (not yet said
 * to be late), for the overdue check: re-running those would only find them waiting again.
 * In the request repositories the settings list, the same for requests whose home is a pull
 * request merged within the last week (`findUnfinishedPullRequests`). Reads only.
 */
export async function findUnfinished(params: {
  probot: Probot;
  log: Logger;
  /** The app's own identity: only its issues and status comments are believed. */
  identity: () => Promise<AppIdentity>;
  /** The app's environment: where the portal settings are (`DEVPORTAL_CONFIG_REPO`). */
  env: Readonly<Record<string, string | undefined>>;
  now?: number;
}): Promise<RecoverPayload[]> {
  const { probot, log } = params;
  const found: RecoverPayload[] = [];
  const identity = await params.identity();
  const since = new Date((params.now ?? Date.now()) - MERGED_WINDOW_MS);
  const app = await probot.auth();
  for (const installation of await listInstallations(app)) {
    const octokit = await probot.auth(installation.id);
    const repositories = await listRepositories(octokit);
    if (repositories.length === 0) continue;
    const settings = await loadSettings(octokit, { owner: installation.account, env: params.env });
    for (const { openIssues, ...repository } of repositories) {
      if (takesRequests(settings, repository)) {
        found.push(
          ...(await findUnfinishedPullRequests({
            octokit,
            log,
            installation: { id: installation.id },
            repository,
            identity,
            since,
          })),
        );
      }
      // Only a repository with open issues can hold an open request issue.
      if (openIssues === 0) continue;
      const issues = await listOpenIssues(octokit, { ...repository, label: REQUEST_LABEL });
      for (const issue of issues) {
        const ours = isAppAuthor(identity, issue.author);
        const path = ours ? fileRequestPathOf(issue.body) : undefined;
        // Bots never file requests; the app's own issues for request files are the exception.
        if (issue.author.user?.type === "Bot" && !path) continue;
        const status = await findAppComment(octokit, {
          ...repository,
          issue: issue.number,
          marker: STATUS_MARKER,
          app: identity,
        });
        const report = status ? decodeStatusMarker(status.body) : undefined;
        const outcome = report ? outcomeOf(report) : undefined;
        if (outcome === "provisioning" && report?.steps.deployed.state === "done") {
          // Keyed by the service, like Argo CD's reports: they write the same step.
          if (report.repository && isWaiting(report)) {
            found.push({
              installation: { id: installation.id },
              ...repository,
              issue,
              requester: report.origin.requester ?? "",
              key: serviceKey(report.repository.fullName),
              awaiting: "argocd",
            });
          }
          continue;
        }
        if (outcome && !unfinished(outcome, issue)) continue;
        const requester = report?.origin.requester ?? (path ? undefined : issue.author.user?.login);
        if (!requester) {
          log.info(
            { repo: repository.repo, issue: issue.number },
            "unfinished request without a requester left to redelivery",
          );
          continue;
        }
        found.push({
          installation: { id: installation.id },
          ...repository,
          issue,
          requester,
          key: path
            ? fileRequestKey(repository.owner, repository.repo, path)
            : issueRequestKey(repository.owner, repository.repo, issue.number),
        });
      }
    }
  }
  return found;
}

/** A deployed request's issue is closed by the app; one that never was lost its last
 * writes. One closed and reopened since was reopened by a person: left alone. */
function unfinished(
  outcome: ReturnType<typeof outcomeOf>,
  issue: Pick<OpenIssue, "closedBefore">,
): boolean {
  if (outcome === "provisioning") return true;
  return outcome === "deployed" && !issue.closedBefore;
}

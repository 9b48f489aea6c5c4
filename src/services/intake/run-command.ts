import type { Logger } from "probot";
import type { AppIdentity, Authored } from "../../github/app-identity.js";
import {
  addCommentReaction,
  findAppComment,
  listAppComments,
  upsertComment,
} from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { markdownInline } from "../../render/markdown-text.js";
import { retryBuild } from "../deploy/retry.js";
import type { ResolvedDeps } from "../portal-deps.js";
import { commandReplyMarker, STATUS_MARKER } from "../state-in-github.js";
import { renderPlan } from "../status/render-plan.js";
import type { StatusReport } from "../status/status-report.js";
import { authorizeCommenter } from "./authorize-commenter.js";
import { jobForIssue } from "./job-for-issue.js";
import { jobsForPullRequest } from "./jobs-for-pull-request.js";
import { type LoadedSettings, loadSettings, takesRequests } from "./load-settings.js";
import { helpText, type ParsedCommand } from "./parse-command.js";
import { prepareRequest } from "./prepare-request.js";
import type { RequestJob } from "./request-job.js";
import { runRequest } from "./run-request.js";

export interface CommandParams {
  octokit: Octokit;
  log: Logger;
  repo: RepoParams;
  issue: {
    number: number;
    body: string | null;
    labels: string[];
    author: Authored;
    /** The comment is on a pull request. */
    pullRequest?: boolean;
  };
  command: ParsedCommand;
  commentId: number;
  commenter: string;
  defaultBranch: string;
  /** The queue's attempt, for the back-off of transient failures. */
  attempt?: number;
}

/**
 * A `/devportal` command on a request issue: (1) only in a request repository, (2) an 👀
 * reaction says it was received, (3) help and unknown words are answered, (4) plan and retry
 * run only for the requester, writers and the platform team; anyone else gets a short reply
 * and the status and labels stay as they are. `retry` runs the request again (every step
 * finds what is done and skips it), then re-runs a failed build or finishes a blocked
 * deployment; `plan` answers with the plan and writes nothing else. Every answer is keyed by
 * the command's comment id, so a redelivery edits it instead of answering twice.
 */
export async function runCommand(deps: ResolvedDeps, params: CommandParams): Promise<void> {
  const { octokit, log, repo, command } = params;
  const settings = await loadSettings(octokit, { owner: repo.owner, env: deps.env });
  if (!takesRequests(settings, repo)) {
    log.info(
      { repo: repo.repo, issue: params.issue.number },
      "command outside a request repository ignored",
    );
    return;
  }
  // Received: a reaction notifies no one and costs one call. Best effort: a comment deleted
  // meanwhile is no reason to drop the command.
  await addCommentReaction(octokit, {
    ...repo,
    commentId: params.commentId,
    content: "eyes",
  }).catch((error: unknown) => log.warn({ err: String(error) }, "reaction failed"));
  const app = await deps.app();
  const reply = (body: string) => replyTo({ octokit, repo, app, params, body });
  if (command.kind === "unknown") {
    const hint = command.suggestion ? ` Did you mean \`/devportal ${command.suggestion}\`?` : "";
    await reply(
      `\`/devportal ${markdownInline(command.word)}\` is not a Dev Portal command.${hint}\n\n${helpText()}`,
    );
    return;
  }
  if (command.name === "help") return reply(helpText());
  if (params.issue.pullRequest) {
    const statuses = await listAppComments(octokit, {
      ...repo,
      issue: params.issue.number,
      marker: STATUS_MARKER,
      app,
    });
    const jobs = await jobsForPullRequest({
      ...params,
      app,
      number: params.issue.number,
      comments: statuses,
    });
    if (jobs.length === 0) {
      return reply(
        "Nothing is provisioned before the merge: the plan comment on this pull request is updated on every push.",
      );
    }
    // One answer for the whole pull request (the reply is keyed by the command's comment):
    // each request's part, in the order of its status comments.
    const parts: string[] = [];
    const collect = async (body: string) => {
      if (!parts.includes(body)) parts.push(body);
    };
    for (const job of jobs) {
      job.settings = settings;
      await runCommandFor(deps, { params, job, app, settings, reply: collect });
    }
    if (parts.length > 0) await reply(parts.join("\n\n"));
    return;
  }
  const job = await jobForIssue(deps, { ...params, app });
  if (!job) return;
  job.settings = settings;
  await runCommandFor(deps, { params, job, app, settings, reply });
}

/** Plan or retry one request, for a commenter who may. */
async function runCommandFor(
  deps: ResolvedDeps,
  input: {
    params: CommandParams;
    job: RequestJob;
    app: AppIdentity;
    settings: LoadedSettings;
    reply: (body: string) => Promise<void>;
  },
): Promise<void> {
  const { params, job, app, settings, reply } = input;
  const { octokit, log, repo, command } = params;
  if (command.kind !== "command") return;
  job.attempt = params.attempt ?? 0;
  const allowed = await authorizeCommenter(octokit, {
    ...repo,
    login: params.commenter,
    requester: job.origin.author || job.sender || undefined,
    platformTeam: settings.ok ? settings.value.platform_team : settings.platformTeam,
    command: command.name,
  });
  if (!allowed.ok) {
    log.info(
      { repo: repo.repo, issue: params.issue.number, commenter: params.commenter },
      "command refused",
    );
    return reply(markdownInline(allowed.reply));
  }
  log.info(
    { repo: repo.repo, issue: params.issue.number, command: command.name, as: allowed.as },
    "command",
  );
  if (command.name === "retry") {
    const report = await runRequest(deps, job);
    if (report) await retryBuild(octokit, { report, trust: { env: deps.env, app } });
    return;
  }
  const prepared = await prepareRequest(deps, job);
  await reply(
    prepared.ok
      ? `**Plan** for \`${prepared.rendered.context.request.service}\`:\n\n${renderPlan(prepared.rendered.plan)}`
      : `**No plan**:\n\n${reasons(prepared.report).join("\n")}`,
  );
}

async function replyTo(input: {
  octokit: Octokit;
  repo: RepoParams;
  app: AppIdentity;
  params: CommandParams;
  body: string;
}): Promise<void> {
  const { octokit, repo, params } = input;
  const marker = commandReplyMarker(params.commentId);
  const issue = params.issue.number;
  const existing = await findAppComment(octokit, { ...repo, issue, marker, app: input.app });
  await upsertComment(octokit, {
    ...repo,
    issue,
    body: `${marker}\n${input.body}`,
    ...(existing ? { existing } : {}),
  });
}

function reasons(report: StatusReport): string[] {
  const failed = Object.values(report.steps).filter((step) => step.state === "failed");
  return [
    ...failed.map((step) => `- ${markdownInline(step.note)}`),
    ...report.problems.map(
      (problem) => `- **${markdownInline(problem.field)}**: ${markdownInline(problem.message)}`,
    ),
  ];
}

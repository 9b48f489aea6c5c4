import type { Context } from "probot";
import { jobForIssue } from "../services/intake/job-for-issue.js";
import { parseCommand } from "../services/intake/parse-command.js";
import { runCommand } from "../services/intake/run-command.js";
import type { PortalDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

/** issue_comment.created: `/devportal plan` and `/devportal retry` on a request issue. */
export function onCommand(deps: PortalDeps) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue, sender, repository } = context.payload;
    if (isBot(sender) || issue.pull_request) return;
    const command = parseCommand(comment.body);
    if (!command) return;
    const repo = context.repo();
    const job = await jobForIssue(deps, {
      octokit: context.octokit,
      log: context.log,
      repo,
      issue: {
        number: issue.number,
        body: issue.body,
        labels: issue.labels.map((label) => label.name),
        authorIsBot: isBot(issue.user),
      },
      sender: sender.login,
      defaultBranch: repository.default_branch,
    });
    if (!job) return;
    context.log.info(
      { repo: repo.repo, issue: issue.number, command, delivery: context.id },
      "command",
    );
    await runCommand(deps, { job, command, commentId: comment.id });
  };
}

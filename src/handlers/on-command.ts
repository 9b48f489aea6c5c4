import type { Context } from "probot";
import { parseCommand } from "../services/intake/parse-command.js";
import { runCommand } from "../services/intake/run-command.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { REQUEST_LABEL } from "../services/state-in-github.js";
import { isBot } from "./is-bot.js";

/** issue_comment.created: `/devportal <command>` on a request issue, or on a pull request
 * (the plan before the merge, the requests it is home to after). */
export function onCommand(deps: ResolvedDeps) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue, sender, repository } = context.payload;
    if (isBot(sender)) return;
    const command = parseCommand(comment.body);
    if (!command) return;
    const labels = issue.labels.map((label) => label.name);
    const pullRequest = Boolean(issue.pull_request);
    if (!pullRequest && !labels.includes(REQUEST_LABEL)) return;
    context.log.info(
      { repo: repository.name, issue: issue.number, delivery: context.id },
      "command received",
    );
    await runCommand(deps, {
      octokit: context.octokit,
      log: context.log,
      repo: context.repo(),
      issue: {
        number: issue.number,
        body: issue.body,
        labels,
        pullRequest,
        author: { user: issue.user, performed_via_github_app: issue.performed_via_github_app },
      },
      command,
      commentId: comment.id,
      commenter: sender.login,
      defaultBranch: repository.default_branch,
    });
  };
}

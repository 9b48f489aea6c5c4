import type { Context } from "probot";
import { fileRequestKey, issueRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { parseCommand } from "../services/intake/parse-command.js";
import { runCommand } from "../services/intake/run-command.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { fileRequestPathOf, REQUEST_LABEL } from "../services/state-in-github.js";
import { isBot } from "./is-bot.js";

type CommentContext = Context<"issue_comment.created">;

/** issue_comment.created: `/devportal <command>` on a request issue. */
export function onCommand(deps: ResolvedDeps): JobType {
  return {
    events: ["issue_comment.created"],
    accept: (context: CommentContext) => {
      const { comment, issue, sender } = context.payload;
      if (isBot(sender) || issue.pull_request) return [];
      if (!parseCommand(comment.body)) return [];
      if (!issue.labels.some((label) => label.name === REQUEST_LABEL)) return [];
      const { owner, repo } = context.repo();
      // A file request's issue shares its key with pushes of the file. The key only orders
      // jobs; whether the issue really is the app's is decided in the work (app identity).
      const path = isBot(issue.user) ? fileRequestPathOf(issue.body) : undefined;
      const key = path
        ? fileRequestKey(owner, repo, path)
        : issueRequestKey(owner, repo, issue.number);
      return [{ key }];
    },
    work: async (context: CommentContext, run) => {
      const { comment, issue, sender, repository } = context.payload;
      const command = parseCommand(comment.body);
      if (!command) return undefined;
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
          labels: issue.labels.map((label) => label.name),
          author: { user: issue.user, performed_via_github_app: issue.performed_via_github_app },
        },
        command,
        commentId: comment.id,
        commenter: sender.login,
        defaultBranch: repository.default_branch,
        attempt: run.attempt,
      });
      return undefined;
    },
  };
}

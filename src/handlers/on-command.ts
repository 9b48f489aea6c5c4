import type { Context } from "probot";
import { fileRequestKey, issueRequestKey, pullRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { parseCommand } from "../services/intake/parse-command.js";
import { runCommand } from "../services/intake/run-command.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { fileRequestPathOf, REQUEST_LABEL } from "../services/state-in-github.js";
import { isBot } from "./is-bot.js";

type CommentContext = Context<"issue_comment.created">;

/** issue_comment.created: `/devportal <command>` on a request issue, or on a pull request
 * (the plan before the merge, the requests it is home to after). */
export function onCommand(deps: ResolvedDeps): JobType {
  return {
    events: ["issue_comment.created"],
    accept: (context: CommentContext) => {
      const { comment, issue, sender } = context.payload;
      if (isBot(sender) || !parseCommand(comment.body)) return [];
      const { owner, repo } = context.repo();
      // A pull request may be home to several request files, which the payload does not name:
      // its commands take turns with its plans, and the requests they touch are found in the work.
      if (issue.pull_request) return [{ key: pullRequestKey(owner, repo, issue.number) }];
      if (!issue.labels.some((label) => label.name === REQUEST_LABEL)) return [];
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
          pullRequest: Boolean(issue.pull_request),
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

import type { Context } from "probot";
import { fileRequestKey, issueRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { jobForIssue } from "../services/intake/job-for-issue.js";
import { parseCommand } from "../services/intake/parse-command.js";
import { runCommand } from "../services/intake/run-command.js";
import type { PortalDeps } from "../services/portal-deps.js";
import { fileRequestPathOf, REQUEST_LABEL } from "../services/state-in-github.js";
import { isBot } from "./is-bot.js";

type CommentContext = Context<"issue_comment.created">;

/** issue_comment.created: `/devportal plan` and `/devportal retry` on a request issue. */
export function onCommand(deps: PortalDeps): JobType {
  return {
    events: ["issue_comment.created"],
    accept: (context: CommentContext) => {
      const { comment, issue, sender } = context.payload;
      if (isBot(sender) || issue.pull_request) return [];
      if (!parseCommand(comment.body)) return [];
      if (!issue.labels.some((label) => label.name === REQUEST_LABEL)) return [];
      const { owner, repo } = context.repo();
      // A file request's issue shares its key with pushes of the file.
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
      if (!job) return undefined;
      context.log.info({ repo: repo.repo, issue: issue.number, command }, "command");
      await runCommand(deps, {
        job: { ...job, attempt: run.attempt },
        command,
        commentId: comment.id,
      });
      return undefined;
    },
  };
}

import type { Context } from "probot";
import { issueRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { formRequestJob } from "../services/intake/form-request-job.js";
import { runRequest } from "../services/intake/run-request.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { fileRequestPathOf, REQUEST_LABEL } from "../services/state-in-github.js";
import { outcomeOf } from "../services/status/status-report.js";
import { isBot } from "./is-bot.js";

type IssueContext = Context<"issues.opened" | "issues.edited">;

/** issues.opened / issues.edited: an issue filed with the "New service" form is a request. */
export function onRequestIssue(deps: ResolvedDeps): JobType {
  return {
    events: ["issues.opened", "issues.edited"],
    accept: (context: IssueContext) => {
      const { issue, sender } = context.payload;
      if (isBot(sender)) return [];
      const labels = issue.labels?.map((label) => label.name) ?? [];
      if (!labels.includes(REQUEST_LABEL)) return [];
      // The issues the app opens for request files carry the label too; they are not forms.
      // A person's body carrying the file marker IS a form (and fails as one, visibly).
      if (isBot(issue.user) && fileRequestPathOf(issue.body)) return [];
      const { owner, repo } = context.repo();
      return [{ key: issueRequestKey(owner, repo, issue.number) }];
    },
    work: async (context: IssueContext, run) => {
      const { issue, sender } = context.payload;
      const repo = context.repo();
      context.log.info(
        { repo: repo.repo, issue: issue.number, delivery: context.id },
        "form request",
      );
      const job = formRequestJob(deps, {
        octokit: context.octokit,
        log: context.log,
        repo,
        issue: {
          number: issue.number,
          body: issue.body,
          labels: issue.labels?.map((label) => label.name) ?? [],
        },
        sender: sender.login,
      });
      const report = await runRequest(deps, {
        ...job,
        edit: context.payload.action === "edited",
        attempt: run.attempt,
      });
      return report ? { pipeline: "provisioning", outcome: outcomeOf(report) } : undefined;
    },
  };
}

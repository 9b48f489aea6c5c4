import type { Context } from "probot";
import { pullRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { planPullRequest } from "../services/intake/plan-pull-request.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

type PullContext = Context<
  | "pull_request.opened"
  | "pull_request.synchronize"
  | "pull_request.reopened"
  | "pull_request.ready_for_review"
>;

/** pull_request opened / synchronize / reopened / ready_for_review: the `devportal / plan`
 * check and the plan comment, no side effects. */
export function onPullRequest(deps: ResolvedDeps): JobType {
  return {
    events: [
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request.reopened",
      "pull_request.ready_for_review",
    ],
    accept: (context: PullContext) => {
      const { pull_request, sender } = context.payload;
      if (isBot(sender) || pull_request.state !== "open") return [];
      const { owner, repo } = context.repo();
      return [{ key: pullRequestKey(owner, repo, pull_request.number) }];
    },
    work: async (context: PullContext) => {
      const { pull_request, repository } = context.payload;
      context.log.info(
        { repo: repository.name, pull: pull_request.number, delivery: context.id },
        "pull request to plan",
      );
      await planPullRequest(deps, {
        octokit: context.octokit,
        log: context.log,
        repo: context.repo(),
        pull: {
          number: pull_request.number,
          sha: pull_request.head.sha,
          fork: pull_request.head.repo?.id !== repository.id,
          draft: pull_request.draft === true,
        },
      });
      return undefined;
    },
  };
}

import type { Context } from "probot";
import type { JobType } from "../runtime/job-type.js";
import { planPullRequest } from "../services/intake/plan-pull-request.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

type PullContext = Context<
  "pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened"
>;

/** pull_request opened / synchronize / reopened: the `devportal / plan` check, no side effects. */
export function onPullRequest(deps: ResolvedDeps): JobType {
  return {
    events: ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
    accept: (context: PullContext) => {
      if (isBot(context.payload.sender)) return [];
      const { owner, repo } = context.repo();
      return [{ key: `pull:${owner}/${repo}#${context.payload.pull_request.number}` }];
    },
    work: async (context: PullContext) => {
      const { pull_request } = context.payload;
      await planPullRequest(deps, {
        octokit: context.octokit,
        log: context.log,
        repo: context.repo(),
        pull: pull_request.number,
        sha: pull_request.head.sha,
      });
      return undefined;
    },
  };
}

import type { Context } from "probot";
import { planPullRequest } from "../services/intake/plan-pull-request.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

/** pull_request opened / synchronize / reopened: the `devportal / plan` check, no side effects. */
export function onPullRequest(deps: ResolvedDeps) {
  return async (
    context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  ): Promise<void> => {
    const { pull_request, sender } = context.payload;
    if (isBot(sender)) return;
    await planPullRequest(deps, {
      octokit: context.octokit,
      log: context.log,
      repo: context.repo(),
      pull: pull_request.number,
      sha: pull_request.head.sha,
    });
  };
}

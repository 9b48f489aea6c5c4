import type { Context } from "probot";
import { requestFilesOfPush } from "../services/intake/request-files.js";
import { runPush } from "../services/intake/run-push.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

/** push: request files changed on the default branch. Every other push costs no API call. */
export function onPush(deps: ResolvedDeps) {
  return async (context: Context<"push">): Promise<void> => {
    const { payload } = context;
    if (isBot(payload.sender) || payload.deleted) return;
    if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
    const files = requestFilesOfPush(payload.commits);
    if (files.length === 0) return;
    const repo = context.repo();
    context.log.info({ repo: repo.repo, files, delivery: context.id }, "request files pushed");
    await runPush(deps, {
      octokit: context.octokit,
      log: context.log,
      repo,
      sha: payload.after,
      sender: payload.sender?.login ?? payload.pusher.name,
      files,
      defaultBranch: payload.repository.default_branch,
    });
  };
}

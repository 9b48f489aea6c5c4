import type { Context } from "probot";
import { fileRequestKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { requestFilesOfPush } from "../services/intake/request-files.js";
import { runPush } from "../services/intake/run-push.js";
import type { ResolvedDeps } from "../services/portal-deps.js";
import { isBot } from "./is-bot.js";

/** push: request files changed on the default branch, one job per file. Every other push
 * costs no API call. */
export function onPush(deps: ResolvedDeps): JobType {
  return {
    events: ["push"],
    accept: (context: Context<"push">) => {
      const { payload } = context;
      if (isBot(payload.sender) || payload.deleted) return [];
      if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return [];
      const { owner, repo } = context.repo();
      return requestFilesOfPush(payload.commits).map((path) => ({
        key: fileRequestKey(owner, repo, path),
        subject: path,
      }));
    },
    work: async (context: Context<"push">, run) => {
      const { payload } = context;
      const files = run.subject ? [run.subject] : requestFilesOfPush(payload.commits);
      if (files.length === 0) return undefined;
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
        attempt: run.attempt,
      });
      return undefined;
    },
  };
}

import type { Context } from "probot";
import { serviceKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import { screenWorkflowRun, workflowRunFacts } from "../services/deploy/decide.js";
import { processWorkflowRun } from "../services/deploy/process-workflow-run.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

/**
 * workflow_run (in_progress, completed) of a generated service's CI: report a running build,
 * deploy green builds of the default branch into Repository_B, report on the request issue.
 * `requested` (queued) is not subscribed: "running" is said when it is true. Runs of
 * other workflows, branches, pull requests and repositories stop at the guard without an
 * API call (and without a job). Bot senders are NOT ignored here: the app's own push starts
 * the first build. Keyed by the service repository: its builds are judged one at a time,
 * newest wins.
 */
export function onWorkflowRun(deps: ResolvedDeps): JobType {
  return {
    events: ["workflow_run.in_progress", "workflow_run.completed"],
    accept: (context: Context<"workflow_run">) => {
      const facts = workflowRunFacts(context.payload);
      const screening = screenWorkflowRun(facts);
      if (!screening.ok) {
        context.log.debug(
          { run: facts.run.id, reason: screening.reason, delivery: context.id },
          "workflow_run ignored",
        );
        return [];
      }
      return [{ key: serviceKey(facts.repository.fullName) }];
    },
    work: async (context: Context<"workflow_run">) => {
      const facts = workflowRunFacts(context.payload);
      const log = { repo: facts.repository.fullName, run: facts.run.id, delivery: context.id };
      // Reported on the request issue too, under the service's lock.
      const { outcome, record } = await processWorkflowRun(context.octokit, facts, deps);
      if (outcome.kind === "ignored" && !record) {
        context.log.debug({ ...log, reason: outcome.reason }, "workflow_run ignored");
        return { pipeline: "deployment", outcome: outcome.kind };
      }
      const reason = outcome.kind === "ignored" ? outcome.reason : undefined;
      context.log.info(
        { ...log, action: facts.action, outcome: outcome.kind, ...(reason ? { reason } : {}) },
        "workflow_run handled",
      );
      return { pipeline: "deployment", outcome: outcome.kind };
    },
  };
}

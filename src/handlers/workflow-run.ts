import type { Context } from "probot";
import { workflowRunFacts } from "../services/deploy/decide.js";
import { processWorkflowRun } from "../services/deploy/process-workflow-run.js";
import { reportOutcome } from "../services/deploy/report-outcome.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

/**
 * workflow_run (requested, in_progress, completed) of a generated service's CI: deploy green
 * builds of the default branch into Repository_B and report on the request issue. Runs of
 * other workflows, branches, pull requests and repositories stop at the guard without an
 * API call. Bot senders are NOT ignored here: the app's own push starts the first build.
 */
export function onWorkflowRun(deps: ResolvedDeps) {
  return async (context: Context<"workflow_run">): Promise<void> => {
    const facts = workflowRunFacts(context.payload);
    const log = { repo: facts.repository.fullName, run: facts.run.id, delivery: context.id };
    // The pipeline screens the payload first (once) and answers "ignored" without an API call.
    const { outcome, record, app } = await processWorkflowRun(context.octokit, facts, deps);
    if (outcome.kind === "ignored" && !record) {
      context.log.debug({ ...log, reason: outcome.reason }, "workflow_run ignored");
      return;
    }
    const { kind } = outcome;
    const reason = outcome.kind === "ignored" ? outcome.reason : undefined;
    context.log.info(
      { ...log, action: facts.action, outcome: kind, ...(reason ? { reason } : {}) },
      "workflow_run handled",
    );
    if (record && app) {
      await reportOutcome(context.octokit, {
        record,
        outcome,
        app,
        env: deps.env,
        repository: { owner: facts.repository.owner, name: facts.repository.name },
      });
    }
  };
}

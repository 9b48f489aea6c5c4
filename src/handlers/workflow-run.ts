import type { Context } from "probot";
import { screenWorkflowRun, workflowRunFacts } from "../services/deploy/decide.js";
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
    const screening = screenWorkflowRun(facts);
    const log = { repo: facts.repository.fullName, run: facts.run.id, delivery: context.id };
    if (!screening.ok) {
      context.log.debug({ ...log, reason: screening.reason }, "workflow_run ignored");
      return;
    }
    const app = await deps.app();
    const { outcome, record } = await processWorkflowRun(context.octokit, facts, {
      env: deps.env,
      app,
    });
    const { kind } = outcome;
    const reason = outcome.kind === "ignored" ? outcome.reason : undefined;
    context.log.info(
      { ...log, action: facts.action, outcome: kind, ...(reason ? { reason } : {}) },
      "workflow_run handled",
    );
    if (record) await reportOutcome(context.octokit, { record, outcome, app });
  };
}

import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import {
  type WorkflowRunFacts,
  type WorkflowRunPayload,
  workflowRunFacts,
} from "../../../src/services/deploy/decide.js";

export const HEAD_SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";

/**
 * GitHub's recorded `workflow_run.completed` (success) payload, moved onto a generated
 * service: acme/orders-api, our workflow file, a push to the default branch. Each test
 * changes only what it is about.
 */
export function examplePayload(): WorkflowRunPayload {
  const event = examples.find((entry) => entry.name === "workflow_run");
  const recorded = (event?.examples as unknown as WorkflowRunPayload[] | undefined)?.find(
    (example) => example.action === "completed" && example.workflow_run.conclusion === "success",
  );
  if (!recorded) throw new Error("@octokit/webhooks-examples has no successful workflow_run");
  const payload = structuredClone(recorded) as unknown as WorkflowRunPayload;
  payload.repository.name = "orders-api";
  payload.repository.full_name = "acme/orders-api";
  payload.repository.owner.login = "acme";
  payload.repository.default_branch = "main";
  const run = payload.workflow_run;
  run.path = ".github/workflows/ci-cd.yml";
  run.event = "push";
  run.head_branch = "main";
  run.head_sha = HEAD_SHA;
  run.pull_requests = [];
  if (run.head_repository) run.head_repository.full_name = "acme/orders-api";
  return payload;
}

export function exampleFacts(change?: (payload: WorkflowRunPayload) => void): WorkflowRunFacts {
  const payload = examplePayload();
  change?.(payload);
  return workflowRunFacts(payload);
}

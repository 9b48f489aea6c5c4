import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { type WorkflowRunInfo, workflowRunInfo } from "../../github/workflow-run-info.js";

export type WorkflowRunPayload = EmitterWebhookEvent<"workflow_run">["payload"];

/** What the deploy decision needs from a `workflow_run` delivery, and nothing else. */
export interface WorkflowRunFacts {
  action: string;
  repository: { owner: string; name: string; fullName: string; defaultBranch: string };
  run: WorkflowRunInfo;
}

export function workflowRunFacts(payload: WorkflowRunPayload): WorkflowRunFacts {
  const { repository, workflow_run: run } = payload;
  return {
    action: payload.action,
    repository: {
      owner: repository.owner.login,
      name: repository.name,
      fullName: repository.full_name,
      defaultBranch: repository.default_branch,
    },
    run: workflowRunInfo(run),
  };
}

import type { EmitterWebhookEvent } from "@octokit/webhooks";

export type WorkflowRunPayload = EmitterWebhookEvent<"workflow_run">["payload"];

/** What the deploy decision needs from a `workflow_run` delivery, and nothing else. */
export interface WorkflowRunFacts {
  action: string;
  repository: { owner: string; name: string; fullName: string; defaultBranch: string };
  run: {
    id: number;
    attempt: number;
    number: number;
    htmlUrl: string;
    /** The workflow file, e.g. `.github/workflows/ci-cd.yml`. */
    path: string;
    event: string;
    headBranch: string | null;
    headSha: string;
    /** `owner/name` the commit came from: differs from `repository` for fork pull requests. */
    headRepository: string | null;
    conclusion: string | null;
    pullRequests: number;
  };
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
    run: {
      id: run.id,
      attempt: run.run_attempt ?? 1,
      number: run.run_number,
      htmlUrl: run.html_url,
      // Runs of a workflow called from another repository read `path@ref`; ours never do.
      path: run.path,
      event: run.event,
      headBranch: run.head_branch,
      headSha: run.head_sha,
      headRepository: run.head_repository?.full_name ?? null,
      conclusion: run.conclusion,
      pullRequests: run.pull_requests?.length ?? 0,
    },
  };
}

import type { WorkflowJob, WorkflowRun } from "./double-state.js";
import type { GitHubDouble } from "./github-double.js";
import { moveTo, type Payload, recordedPayload } from "./payloads.js";
import { runUrl } from "./routes-deploy.js";
import { ORG } from "./scenario.js";

export const WORKFLOW = ".github/workflows/ci-cd.yml";

/** The jobs of a green build of the generated workflow. */
export function passingJobs(): WorkflowJob[] {
  return [
    { id: 1, name: "test", status: "completed", conclusion: "success", steps: [] },
    { id: 2, name: "image", status: "completed", conclusion: "success", steps: [] },
  ];
}

/** A build whose tests fail at step 4; the image job is then skipped. */
export function failingJobs(): WorkflowJob[] {
  return [
    {
      id: 11,
      name: "test",
      status: "completed",
      conclusion: "failure",
      steps: [
        { name: "Set up job", number: 1, status: "completed", conclusion: "success" },
        { name: "Run Django tests", number: 4, status: "completed", conclusion: "failure" },
      ],
    },
    { id: 12, name: "image", status: "completed", conclusion: "skipped", steps: [] },
  ];
}

/**
 * A run of Repository_A's workflow in the double, by default for the branch head: what GitHub
 * Actions would start after a push. Tests move it through its life with `finish`.
 */
export function startRun(
  double: GitHubDouble,
  params: { repo: string; headSha?: string; branch?: string; event?: string; path?: string },
): WorkflowRun {
  const repo = double.state.repo(ORG, params.repo);
  if (!repo) throw new Error(`no repository ${ORG}/${params.repo}`);
  const headSha = params.headSha ?? repo.git.refs.get(`heads/${repo.defaultBranch}`);
  if (!headSha) throw new Error(`${params.repo} has no commit to build`);
  const run: WorkflowRun = {
    id: double.state.id() * 1000,
    run_number: repo.workflowRuns.length + 1,
    run_attempt: 1,
    path: params.path ?? WORKFLOW,
    event: params.event ?? "push",
    head_branch: params.branch ?? repo.defaultBranch,
    head_sha: headSha,
    status: "in_progress",
    conclusion: null,
    jobs: [],
  };
  repo.workflowRuns.push(run);
  return run;
}

export function finish(run: WorkflowRun, conclusion: "success" | "failure" | "cancelled"): void {
  run.status = "completed";
  run.conclusion = conclusion;
  run.jobs = conclusion === "success" ? passingJobs() : failingJobs();
}

/**
 * GitHub's recorded `workflow_run` payload for this run of `repo`, with the installation the
 * recording lacks. The sender is the app: its own push started the first build, and that
 * must not make the run look like a bot event to ignore.
 */
export function workflowRunPayload(
  double: GitHubDouble,
  params: { repo: string; run: WorkflowRun; action: "requested" | "in_progress" | "completed" },
): Payload {
  const repo = double.state.repo(ORG, params.repo);
  if (!repo) throw new Error(`no repository ${ORG}/${params.repo}`);
  const { run } = params;
  // GitHub's recordings have `requested` and `completed` only; `in_progress` carries the
  // same fields, so it is the `requested` recording with its action changed.
  const recorded = params.action === "completed" ? "completed" : "requested";
  return recordedPayload("workflow_run", recorded, (payload) => {
    payload.action = params.action;
    moveTo(payload, { owner: ORG, repo: repo.name, sender: "devportal[bot]", senderType: "Bot" });
    payload.repository.id = repo.id;
    Object.assign(payload.workflow_run, {
      id: run.id,
      run_number: run.run_number,
      run_attempt: run.run_attempt,
      path: run.path,
      event: run.event,
      head_branch: run.head_branch,
      head_sha: run.head_sha,
      status:
        params.action === "completed"
          ? "completed"
          : params.action === "requested"
            ? "queued"
            : "in_progress",
      conclusion: params.action === "completed" ? run.conclusion : null,
      html_url: runUrl(repo, run),
      pull_requests: [],
    });
    payload.workflow_run.head_repository.full_name = `${ORG}/${repo.name}`;
    payload.workflow_run.repository.full_name = `${ORG}/${repo.name}`;
  });
}

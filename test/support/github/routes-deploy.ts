import type { Repo, WorkflowRun } from "./double-state.js";
import type { GitStore } from "./git-store.js";
import { HttpError, issueJson, issueOf, type Route, type RouteRequest, repoOf } from "./routes.js";

const WEB = "https://github.com";

function runOf(request: RouteRequest): { repo: Repo; run: WorkflowRun } {
  const repo = repoOf(request);
  const run = repo.workflowRuns.find((candidate) => candidate.id === Number(request.params.run_id));
  if (!run) throw new HttpError(404, "Not Found");
  return { repo, run };
}

export function runUrl(repo: Repo, run: WorkflowRun): string {
  return `${WEB}/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
}

function runJson(repo: Repo, run: WorkflowRun) {
  return {
    id: run.id,
    name: "CI/CD",
    run_number: run.run_number,
    run_attempt: run.run_attempt,
    path: run.path,
    event: run.event,
    head_branch: run.head_branch,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    html_url: runUrl(repo, run),
    pull_requests: [],
    head_repository: { full_name: `${repo.owner}/${repo.name}` },
  };
}

/** Whether `ancestor` is reachable from `commit` through parents (a commit reaches itself). */
function reaches(git: GitStore, commit: string, ancestor: string): boolean {
  const queue = [commit];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(git.commits.get(sha)?.parents ?? []));
  }
  return false;
}

/** What the deploy pipeline calls: Actions runs and jobs, compare, and one issue. */
export const DEPLOY_ROUTES: Record<string, Route> = {
  "actions/list-jobs-for-workflow-run": (request) => {
    const { repo, run } = runOf(request);
    const jobs = run.jobs.map((job) => ({
      ...job,
      run_id: run.id,
      head_sha: run.head_sha,
      run_attempt: run.run_attempt,
      html_url: `${WEB}/${repo.owner}/${repo.name}/actions/runs/${run.id}/job/${job.id}`,
    }));
    return { status: 200, body: { total_count: jobs.length, jobs } };
  },
  "actions/re-run-workflow-failed-jobs": (request) => {
    const { run } = runOf(request);
    if (run.status !== "completed") throw new HttpError(403, "This workflow is already running");
    run.run_attempt += 1;
    run.status = "queued";
    run.conclusion = null;
    return { status: 201, body: {} };
  },
  "actions/list-workflow-runs": (request) => {
    const repo = repoOf(request);
    const file = request.params.workflow_id ?? "";
    const branch = request.query.get("branch");
    const event = request.query.get("event");
    const runs = repo.workflowRuns
      .filter(
        (run) =>
          run.path.endsWith(`/${file}`) &&
          (!branch || run.head_branch === branch) &&
          (!event || run.event === event),
      )
      .reverse();
    const perPage = Number(request.query.get("per_page") ?? 30);
    return {
      status: 200,
      body: {
        total_count: runs.length,
        workflow_runs: runs.slice(0, perPage).map((run) => runJson(repo, run)),
      },
    };
  },
  "repos/compare-commits-with-basehead": (request) => {
    const { git } = repoOf(request);
    const [base = "", head = ""] = (request.params.basehead ?? "").split("...");
    if (!git.commits.has(base) || !git.commits.has(head)) throw new HttpError(404, "Not Found");
    const ahead = reaches(git, head, base);
    const behind = reaches(git, base, head);
    const status = base === head ? "identical" : ahead ? "ahead" : behind ? "behind" : "diverged";
    return { status: 200, body: { status, commits: [], files: [] } };
  },
  "issues/get": (request) => {
    const { repo, issue } = issueOf(request);
    return { status: 200, body: issueJson(repo, issue) };
  },
};

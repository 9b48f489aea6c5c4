import { deploymentStatusPayload } from "../../support/github/deployment-statuses.js";
import type { WorkflowRun } from "../../support/github/double-state.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import type { createTestProbot } from "../../support/github/probot-harness.js";
import { formIssuePayload, ORG } from "../../support/github/scenario.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";

type Receive = ReturnType<typeof createTestProbot>["receive"];

/** orders-api requested through the form, then its first build completes with `conclusion`
 * and the app receives the `workflow_run.completed` delivery. */
export async function builtService(
  double: GitHubDouble,
  receive: Receive,
  conclusion: Parameters<typeof finish>[1],
): Promise<WorkflowRun> {
  await receive("issues", formIssuePayload(double));
  const run = startRun(double, { repo: "orders-api" });
  finish(run, conclusion);
  await receive(
    "workflow_run",
    workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
  );
  return run;
}

/** orders-api requested through the form, built green once and deployed. */
export function deployedService(double: GitHubDouble, receive: Receive): Promise<WorkflowRun> {
  return builtService(double, receive, "success");
}

/** orders-api deployed, and Argo CD reported it synced and healthy: the request is done. */
export async function liveService(double: GitHubDouble, receive: Receive): Promise<WorkflowRun> {
  const run = await deployedService(double, receive);
  await receive(
    "deployment_status",
    deploymentStatusPayload(double, { repo: "orders-api", state: "success" }),
  );
  return run;
}

/** A person pushes a change to Repository_A's default branch; returns the new head. */
export function pushChange(double: GitHubDouble, path: string, content: string): string {
  const repo = double.state.repo(ORG, "orders-api");
  if (!repo) throw new Error("orders-api is not provisioned");
  return double.state.commitFiles(repo, { [path]: content }, `Change ${path}`);
}

/** Paths whose content differs between two commits of a repository. */
export function changedPaths(
  double: GitHubDouble,
  repo: string,
  from: string,
  to: string,
): string[] {
  const git = double.state.repo(ORG, repo)?.git;
  if (!git) throw new Error(`no repository ${repo}`);
  const before = git.read(from);
  const after = git.read(to);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((path) => before[path] !== after[path])
    .sort();
}

import type { Call, GitHubDouble } from "../github/github-double.js";
import { ORG, REQUESTER, REQUESTS } from "../github/scenario.js";
import { waitFor } from "./wait-for.js";

const SERVICE = "orders-api";

export function statusComments(double: GitHubDouble, issue = 7) {
  const comments = double.state.repo(ORG, REQUESTS)?.issues.get(issue)?.comments ?? [];
  return comments.filter((comment) => comment.body.includes("devportal:status"));
}

/** Every duplicate the runtime must never make, as readable findings ([] when none). */
export function duplicates(double: GitHubDouble, params: { deployed?: boolean } = {}): string[] {
  const found: string[] = [];
  const status = statusComments(double);
  if (status.length !== 1) found.push(`${status.length} status comments`);
  // Counted in GitHub's state, not by answers: a creation whose answer was lost still counts.
  const created = [...double.state.repos.values()].filter((repo) => repo.createdByApp).length;
  if (created !== 1) found.push(`${created} repositories created`);
  const service = double.state.repo(ORG, SERVICE);
  const commits = service?.git.history(service.defaultBranch).length ?? 0;
  if (commits !== 2)
    found.push(`${commits - 1} commits on ${SERVICE} (expected one create commit)`);
  const secretWrites = double.calls.filter(
    (call) =>
      call.operationId === "actions/create-or-update-repo-secret" &&
      call.status >= 200 &&
      call.status < 300,
  ).length;
  if (secretWrites !== 1) found.push(`the secret was written ${secretWrites} times`);
  if (params.deployed) {
    const gitops = double.state.repo(ORG, "gitops");
    const deploys = (gitops?.git.history("main") ?? []).filter((commit) =>
      commit.message.startsWith(`Deploy ${SERVICE}`),
    ).length;
    if (deploys !== 1) found.push(`${deploys} deploy commits in gitops`);
    const deployments = double.state.repo(ORG, SERVICE)?.deployments.length ?? 0;
    if (deployments !== 1) found.push(`${deployments} GitHub Deployments of ${SERVICE}`);
  }
  return found;
}

/** The happy end of provisioning: code pushed and said so, the requester given the default
 * `access` (maintain) on the new repository, nothing failed. */
export function provisioned(double: GitHubDouble): boolean {
  const status = statusComments(double)[0]?.body ?? "";
  const labels = double.state.repo(ORG, REQUESTS)?.issues.get(7)?.labels ?? [];
  const service = double.state.repo(ORG, SERVICE);
  return (
    status.includes("✅ **Code pushed**") &&
    !labels.includes("devportal:failed") &&
    service?.secrets.get("REGISTRY_PASSWORD") === "s3cr3t-registry-value" &&
    service.collaborators.get(REQUESTER) === "maintain" &&
    (service?.git.read(service.defaultBranch)[".devportal/request.yml"] ?? "") !== ""
  );
}

/** The happy end of the first deployment as the app can know it: tagged with the build's
 * SHA, a Deployment of that commit for Argo CD to report on, said so, open until Argo CD
 * says the service is live. */
export function deployed(double: GitHubDouble, headSha: string): boolean {
  const files = double.state.repo(ORG, "gitops")?.git.read("main") ?? {};
  const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
  const status = statusComments(double)[0]?.body ?? "";
  const deployments = double.state.repo(ORG, SERVICE)?.deployments ?? [];
  return (
    (files[`apps/${SERVICE}/kustomization.yaml`] ?? "").includes(`newTag: "${headSha}"`) &&
    deployments.some((deployment) => deployment.sha === headSha) &&
    status.includes("✅ **GitOps commit**") &&
    status.includes("⏳ **Live**: committed\\, waiting for Argo CD") &&
    issue?.state === "open" &&
    issue.labels.includes("devportal:provisioning") &&
    !issue.labels.includes("devportal:failed")
  );
}

export async function waitProvisioned(double: GitHubDouble, timeoutMs: number): Promise<number> {
  return waitFor("the request to be provisioned", () => provisioned(double), { timeoutMs });
}

/**
 * SIGKILL every app process of the world (`pids()`, one still starting included) the moment
 * GitHub applies the first write `matches` accepts, before its answer leaves the double.
 */
export function killAllAtWrite(
  double: GitHubDouble,
  pids: () => readonly number[],
  matches: (call: Call) => boolean,
): Promise<Call> {
  return new Promise((resolve) => {
    double.onCall = (call) => {
      if (call.method === "GET" || call.status >= 400 || !matches(call)) return;
      double.onCall = undefined;
      for (const pid of pids()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      resolve(call);
    };
  });
}

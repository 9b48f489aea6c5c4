import { createDeployment, type DeploymentInfo, findDeployment } from "../../github/deployments.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { withKeyLock } from "../with-key-lock.js";
import { short } from "./decide.js";
import type { GitopsCommit } from "./outcome.js";

/** The environment every service deploys to: the overlay the ApplicationSet makes the
 * Application `<service>` of, and the environment Argo CD's notifications report on. */
export const DEPLOY_ENVIRONMENT = "production";

/**
 * The GitHub Deployment of the built commit on Repository_A: what Argo CD's notifications
 * (GitHub service, `github.deployment`) find by commit and environment and post their
 * deployment statuses on, which the app hears as `deployment_status`. Idempotent: a
 * deployment of this commit to this environment is reused.
 */
export async function recordDeployment(
  octokit: Octokit,
  params: RepoParams & { sha: string; gitops: string; commit: GitopsCommit | undefined },
): Promise<DeploymentInfo> {
  const at = { owner: params.owner, repo: params.repo, environment: DEPLOY_ENVIRONMENT };
  // A build's own job and the recovery of its request may report the same commit at once:
  // in this process they take turns, so the second finds the first one's Deployment. (Two
  // replicas racing here make a second one; Argo CD and the app both follow the newest.)
  const key = `deployment:${params.owner}/${params.repo}`.toLowerCase();
  return withKeyLock(key, async () => {
    const found = await findDeployment(octokit, { ...at, sha: params.sha });
    if (found) return found;
    const description = params.commit
      ? `GitOps commit ${short(params.commit.sha)} in ${params.gitops}: waiting for Argo CD`
      : `committed to ${params.gitops}: waiting for Argo CD`;
    return createDeployment(octokit, { ...at, sha: params.sha, description });
  });
}

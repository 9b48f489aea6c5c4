import type { Context } from "probot";
import { processDeploymentStatus } from "../services/deploy/process-deployment-status.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

/**
 * deployment_status.created: Argo CD's report (through argocd-notifications' GitHub service)
 * on the Deployment the app made for a GitOps commit turns the request live and healthy,
 * degraded, or sync failed.
 */
export function onDeploymentStatus(deps: ResolvedDeps) {
  return async (context: Context<"deployment_status.created">): Promise<void> => {
    const { deployment, deployment_status: status, repository } = context.payload;
    const result = await processDeploymentStatus(
      context.octokit,
      {
        repository: { owner: repository.owner.login, name: repository.name },
        deployment: {
          id: deployment.id,
          sha: deployment.sha,
          environment: deployment.environment,
          user: deployment.creator,
          performed_via_github_app: deployment.performed_via_github_app,
        },
        status: {
          state: status.state,
          description: status.description ?? "",
          creatorIsBot: status.creator?.type === "Bot",
          environmentUrl: status.environment_url || undefined,
        },
      },
      deps,
    );
    context.log.info(
      { repo: repository.full_name, deployment: deployment.id, delivery: context.id, ...result },
      "deployment_status handled",
    );
  };
}

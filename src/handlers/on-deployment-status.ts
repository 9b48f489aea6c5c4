import type { Context } from "probot";
import { serviceKey } from "../runtime/job-keys.js";
import type { JobType } from "../runtime/job-type.js";
import {
  type DeploymentStatusFacts,
  processDeploymentStatus,
  screenDeploymentStatus,
} from "../services/deploy/process-deployment-status.js";
import type { ResolvedDeps } from "../services/portal-deps.js";

type StatusContext = Context<"deployment_status.created">;

/**
 * deployment_status.created: Argo CD's report (through argocd-notifications' GitHub service)
 * on the Deployment the app made for a GitOps commit turns the request live and healthy,
 * degraded, or sync failed. Keyed by the service repository, like its builds: a report and
 * a deploy of one service never write its status at the same time.
 */
export function onDeploymentStatus(deps: ResolvedDeps): JobType {
  return {
    events: ["deployment_status.created"],
    accept: (context: StatusContext) => {
      const facts = deploymentStatusFacts(context.payload);
      const reason = screenDeploymentStatus(facts);
      if (reason) {
        context.log.debug({ reason, delivery: context.id }, "deployment_status ignored");
        return [];
      }
      return [{ key: serviceKey(context.payload.repository.full_name) }];
    },
    work: async (context: StatusContext) => {
      const { deployment, repository } = context.payload;
      const result = await processDeploymentStatus(
        context.octokit,
        deploymentStatusFacts(context.payload),
        deps,
      );
      context.log.info(
        { repo: repository.full_name, deployment: deployment.id, delivery: context.id, ...result },
        "deployment_status handled",
      );
      return {
        pipeline: "deployment",
        outcome: result.kind === "reported" ? `reported-${result.state}` : result.kind,
      };
    },
  };
}

function deploymentStatusFacts(payload: StatusContext["payload"]): DeploymentStatusFacts {
  const { deployment, deployment_status: status, repository } = payload;
  return {
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
  };
}

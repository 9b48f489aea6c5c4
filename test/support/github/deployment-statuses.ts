import type { GitHubDouble } from "./github-double.js";
import { moveTo, type Payload, recordedPayload } from "./payloads.js";
import { ORG } from "./scenario.js";

/**
 * GitHub's recorded `deployment_status.created` for the newest Deployment of `repo`, as
 * Argo CD's notifications controller posts it (through a GitHub App, so a Bot creator):
 * `state` success (on-deployed), failure (on-health-degraded), error (on-sync-failed).
 */
export function deploymentStatusPayload(
  double: GitHubDouble,
  params: {
    repo: string;
    state: string;
    description?: string;
    creatorType?: "Bot" | "User";
    /** Who made the deployment, when not the app (another app's bot, to be ignored). */
    deploymentCreator?: { login: string; type: "Bot" | "User" };
  },
): Payload {
  const repo = double.state.repo(ORG, params.repo);
  const deployment = repo?.deployments.at(-1);
  if (!repo || !deployment) throw new Error(`no deployment in ${params.repo}`);
  const creator = { login: "argocd-notifications[bot]", type: params.creatorType ?? "Bot" };
  deployment.statuses.push({
    state: params.state,
    description: params.description ?? "",
    creator: { login: creator.login, type: creator.type },
  });
  return recordedPayload("deployment_status", "created", (payload) => {
    moveTo(payload, { owner: ORG, repo: repo.name, sender: creator.login, senderType: "Bot" });
    Object.assign(payload.deployment, {
      id: deployment.id,
      sha: deployment.sha,
      ref: deployment.ref,
      environment: deployment.environment,
      creator: {
        ...payload.deployment.creator,
        ...(params.deploymentCreator ?? deployment.creator),
      },
      performed_via_github_app: null,
    });
    Object.assign(payload.deployment_status, {
      state: params.state,
      description: params.description ?? "",
      environment: deployment.environment,
      environment_url: "https://orders.example.com/",
      creator: { ...payload.deployment_status.creator, ...creator },
    });
  });
}

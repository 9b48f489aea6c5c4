import type { ApplicationFunction } from "probot";
import { onCommand } from "../handlers/on-command.js";
import { onDeploymentStatus } from "../handlers/on-deployment-status.js";
import { onInstallation } from "../handlers/on-installation.js";
import { onPullRequest } from "../handlers/on-pull-request.js";
import { onPush } from "../handlers/on-push.js";
import { onRequestIssue } from "../handlers/on-request-issue.js";
import { onWorkflowRun } from "../handlers/workflow-run.js";
import type { PortalDeps } from "../services/portal-deps.js";

/** Wiring only: which event goes to which handler, with the dependencies it needs. */
export function createApp(deps: PortalDeps): ApplicationFunction {
  return (app) => {
    app.on(["issues.opened", "issues.edited"], onRequestIssue(deps));
    app.on("issue_comment.created", onCommand(deps));
    app.on("push", onPush(deps));
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      onPullRequest(),
    );
    app.on(
      ["workflow_run.requested", "workflow_run.in_progress", "workflow_run.completed"],
      onWorkflowRun(),
    );
    app.on("deployment_status.created", onDeploymentStatus());
    app.on(["installation.created", "installation_repositories.added"], onInstallation());
  };
}

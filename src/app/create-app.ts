import { createHash, randomBytes } from "node:crypto";
import type { ApplicationFunction, Probot } from "probot";
import { type AppIdentity, getAppIdentity } from "../github/app-identity.js";
import { onCommand } from "../handlers/on-command.js";
import { onPullRequest } from "../handlers/on-pull-request.js";
import { onPush } from "../handlers/on-push.js";
import { onRequestIssue } from "../handlers/on-request-issue.js";
import { onWorkflowRun } from "../handlers/workflow-run.js";
import type { PortalDeps, ResolvedDeps } from "../services/portal-deps.js";

/** Wiring only: which event goes to which handler, with the dependencies it needs. */
export function createApp(deps: PortalDeps): ApplicationFunction {
  return (app) => {
    const resolved: ResolvedDeps = {
      ...deps,
      app: deps.app ?? appIdentityOf(app),
      markKey: deps.markKey ?? markKeyOf(deps.env),
    };
    app.on(["issues.opened", "issues.edited"], onRequestIssue(resolved));
    app.on("issue_comment.created", onCommand(resolved));
    app.on("push", onPush(resolved));
    app.on(
      [
        "pull_request.opened",
        "pull_request.synchronize",
        "pull_request.reopened",
        "pull_request.ready_for_review",
      ],
      onPullRequest(resolved),
    );
    app.on(
      ["workflow_run.requested", "workflow_run.in_progress", "workflow_run.completed"],
      onWorkflowRun(resolved),
    );
  };
}

/** `GET /app` with the app's JWT, once per process (a failure is asked again next time). */
function appIdentityOf(app: Probot): () => Promise<AppIdentity> {
  let identity: Promise<AppIdentity> | undefined;
  return () => {
    identity ??= app.auth().then((octokit) => getAppIdentity(octokit));
    identity.catch(() => {
      identity = undefined;
    });
    return identity;
  };
}

/** The repository mark's key: derived from the webhook secret, which every replica shares
 * and no member knows. Without one (a local run), a key for this process only. */
function markKeyOf(env: Readonly<Record<string, string | undefined>>): string {
  const secret = env.WEBHOOK_SECRET ?? env.PRIVATE_KEY;
  if (!secret) return randomBytes(32).toString("hex");
  return createHash("sha256").update(`devportal repository mark\n${secret}`).digest("hex");
}

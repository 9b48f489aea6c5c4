import { createHash, randomBytes } from "node:crypto";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { type AppIdentity, getAppIdentity } from "../github/app-identity.js";
import { onCommand } from "../handlers/on-command.js";
import { onDeploymentStatus } from "../handlers/on-deployment-status.js";
import { onInstallation } from "../handlers/on-installation.js";
import { onPullRequest } from "../handlers/on-pull-request.js";
import { onPush } from "../handlers/on-push.js";
import { onRequestIssue } from "../handlers/on-request-issue.js";
import { onWorkflowRun } from "../handlers/workflow-run.js";
import { runtimeRoutes } from "../runtime/http-routes.js";
import type { JobQueue } from "../runtime/queue.js";
import { positiveInteger, queueFromEnv } from "../runtime/queue-from-env.js";
import { checkDeployReport, OVERDUE_JOB } from "../runtime/recovery/check-deploy-report.js";
import { startRecovery } from "../runtime/recovery/recover.js";
import { RECOVER_JOB, resumeRequest } from "../runtime/recovery/resume-request.js";
import { Runtime } from "../runtime/runtime.js";
import type { PortalDeps, ResolvedDeps } from "../services/portal-deps.js";

export interface AppDeps extends PortalDeps {
  /** The job queue; by default from the environment (REDIS_URL: Redis, else in-process). */
  queue?: JobQueue;
  /** false: no recovery sweep (tests run it by hand). */
  recovery?: false;
  /** Called with the runtime once it works (tests wait on `runtime.queue.idle()`). */
  onRuntime?: (runtime: Runtime) => void;
}

/** Wiring only: which event goes to which job type, with the dependencies it needs, the
 * queue, the HTTP routes. */
export function createApp(deps: AppDeps) {
  return async (app: Probot, options?: ApplicationFunctionOptions): Promise<void> => {
    const resolved: ResolvedDeps = {
      ...deps,
      app: deps.app ?? appIdentityOf(app),
      markKey: deps.markKey ?? markKeyOf(deps.env),
    };
    const runtime = new Runtime({
      probot: app,
      queue: deps.queue ?? queueFromEnv(deps.env, app.log),
    });
    runtime.register(onRequestIssue(resolved));
    runtime.register(onCommand(resolved));
    runtime.register(onPush(resolved));
    runtime.register(onPullRequest(resolved));
    runtime.register(onWorkflowRun(resolved));
    runtime.register(onDeploymentStatus(resolved));
    runtime.register(onInstallation(resolved));
    runtime.registerJob(RECOVER_JOB, resumeRequest(resolved));
    runtime.registerJob(OVERDUE_JOB, checkDeployReport(resolved));
    addRoutes(options, runtimeRoutes(runtime));
    await runtime.start();
    const interval = recoveryIntervalMs(deps);
    if (interval)
      startRecovery({
        probot: app,
        runtime,
        log: app.log,
        intervalMs: interval,
        identity: resolved.app,
        env: resolved.env,
      });
    deps.onRuntime?.(runtime);
  };
}

/** Probot's `load` without a server (tests calling `receive`) offers an addHandler that
 * throws: there is no HTTP server to add routes to, and nothing to do. */
function addRoutes(
  options: ApplicationFunctionOptions | undefined,
  handler: ReturnType<typeof runtimeRoutes>,
): void {
  try {
    options?.addHandler?.(handler);
  } catch {
    // No server instance.
  }
}

/** `DEVPORTAL_RECOVERY_INTERVAL`: seconds between recovery sweeps (default 300; 0 turns
 * them off, e.g. for a replica that must only serve webhooks). */
function recoveryIntervalMs(deps: AppDeps): number | undefined {
  if (deps.recovery === false) return undefined;
  const raw = deps.env.DEVPORTAL_RECOVERY_INTERVAL;
  if (raw?.trim() === "0") return undefined;
  return (positiveInteger(raw) ?? 300) * 1000;
}

/** `GET /app` with the app's JWT, once per process (a failure is asked again next time). */
function appIdentityOf(app: Probot): () => Promise<AppIdentity> {
  let identity: Promise<AppIdentity> | undefined;
  return () => {
    if (!identity) {
      const asked = app.auth().then((octokit) => getAppIdentity(octokit));
      asked.catch(() => {
        if (identity === asked) identity = undefined;
      });
      identity = asked;
    }
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

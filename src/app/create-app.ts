import type { ApplicationFunctionOptions, Probot } from "probot";
import { onCommand } from "../handlers/on-command.js";
import { onPullRequest } from "../handlers/on-pull-request.js";
import { onPush } from "../handlers/on-push.js";
import { onRequestIssue } from "../handlers/on-request-issue.js";
import { onWorkflowRun } from "../handlers/workflow-run.js";
import { runtimeRoutes } from "../runtime/http-routes.js";
import type { JobQueue } from "../runtime/queue.js";
import { positiveInteger, queueFromEnv } from "../runtime/queue-from-env.js";
import { startRecovery } from "../runtime/recovery/recover.js";
import { RECOVER_JOB, resumeRequest } from "../runtime/recovery/resume-request.js";
import { Runtime } from "../runtime/runtime.js";
import type { PortalDeps } from "../services/portal-deps.js";

export interface AppDeps extends PortalDeps {
  /** The job queue; by default from the environment (REDIS_URL: Redis, else in-process). */
  queue?: JobQueue;
  /** false: no recovery sweep (tests run it by hand). */
  recovery?: false;
  /** Called with the runtime once it works (tests wait on `runtime.queue.idle()`). */
  onRuntime?: (runtime: Runtime) => void;
}

/** Wiring only: which event goes to which job type, the queue, the HTTP routes. */
export function createApp(deps: AppDeps) {
  return async (app: Probot, options?: ApplicationFunctionOptions): Promise<void> => {
    const runtime = new Runtime({
      probot: app,
      queue: deps.queue ?? queueFromEnv(deps.env, app.log),
    });
    runtime.register(onRequestIssue(deps));
    runtime.register(onCommand(deps));
    runtime.register(onPush(deps));
    runtime.register(onPullRequest());
    runtime.register(onWorkflowRun());
    runtime.registerJob(RECOVER_JOB, resumeRequest(deps));
    addRoutes(options, runtimeRoutes(runtime));
    await runtime.start();
    const interval = recoveryIntervalMs(deps);
    if (interval) startRecovery({ probot: app, runtime, log: app.log, intervalMs: interval });
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

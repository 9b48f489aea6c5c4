import type { ApplicationFunctionOptions, Probot } from "probot";
import { onCommand } from "../handlers/on-command.js";
import { onPullRequest } from "../handlers/on-pull-request.js";
import { onPush } from "../handlers/on-push.js";
import { onRequestIssue } from "../handlers/on-request-issue.js";
import { onWorkflowRun } from "../handlers/workflow-run.js";
import { runtimeRoutes } from "../runtime/http-routes.js";
import type { JobQueue } from "../runtime/queue.js";
import { queueFromEnv } from "../runtime/queue-from-env.js";
import { Runtime } from "../runtime/runtime.js";
import type { PortalDeps } from "../services/portal-deps.js";

export interface AppDeps extends PortalDeps {
  /** The job queue; by default from the environment (REDIS_URL: Redis, else in-process). */
  queue?: JobQueue;
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
    addRoutes(options, runtimeRoutes(runtime));
    await runtime.start();
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

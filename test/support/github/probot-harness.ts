import { generateKeyPairSync, randomUUID } from "node:crypto";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { type AppDeps, createApp } from "../../../src/app/create-app.js";
import { readIssueForm } from "../../../src/app/issue-form.js";
import { MemoryQueue } from "../../../src/runtime/memory-queue.js";
import type { Runtime } from "../../../src/runtime/runtime.js";

type OctokitOptions = Record<string, unknown> & {
  retry?: Record<string, unknown>;
  throttle?: Record<string, unknown>;
};

/** plugin-throttling's groups (maxConcurrent as in production), without minTime. */
function groups() {
  const group = (maxConcurrent: number) => new Bottleneck.Group({ maxConcurrent, minTime: 0 });
  return {
    global: group(10),
    auth: group(1),
    search: group(1),
    write: group(1),
    notifications: group(1),
  };
}

const ZERO_THROTTLE_TIMING = {
  retryAfterBaseValue: 0,
  fallbackSecondaryRateRetryAfter: 0,
  ...groups(),
};

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/**
 * Probot as production runs it, with the real app wiring (and the in-process queue, whose
 * retry delays do not wait): the retry and throttling plugins ON, with Probot's own rate-limit handlers (a secondary rate limit is logged, not retried),
 * and only their timing bases at 0 so back-off costs no wall time. The function form of
 * `defaults` sees the options Probot built, so it changes timings and nothing else. The
 * throttling plugin's limiter groups are module-wide and space writes 1 s apart (3 s for
 * notification-triggering writes): each test probot gets groups of the same concurrency
 * without the spacing.
 *
 * `receive` answers once the delivery is recorded AND its work is done (the queue is idle),
 * as flow tests expect; `deliver` answers when the delivery is recorded, as GitHub sees it.
 */
export function createTestProbot(
  deps: Partial<AppDeps> = {},
  options: { log?: pino.Logger } = {},
): {
  probot: Probot;
  receive: (name: string, payload: unknown, id?: string) => Promise<void>;
  deliver: (name: string, payload: unknown, id?: string) => Promise<void>;
  idle: () => Promise<void>;
  runtime: () => Runtime;
} {
  const probot = new Probot({
    appId: 1,
    privateKey,
    log: options.log ?? pino({ level: "silent" }),
    Octokit: ProbotOctokit.defaults((options: OctokitOptions) => ({
      ...options,
      retry: { ...options.retry, retryAfterBaseValue: 0 },
      throttle: { ...options.throttle, ...ZERO_THROTTLE_TIMING },
    })),
  });
  let runtime: Runtime | undefined;
  const loaded = probot.load(
    createApp({
      env: { DEVPORTAL_SECRET_REGISTRY_PASSWORD: "s3cr3t-registry-value" },
      issueForm: readIssueForm(),
      sleep: async () => {},
      queue: new MemoryQueue({ wait: () => 0 }),
      recovery: false,
      ...deps,
      onRuntime: (started) => {
        runtime = started;
        deps.onRuntime?.(started);
      },
    }),
  );
  const deliver = async (name: string, payload: unknown, id: string = randomUUID()) => {
    await loaded;
    // biome-ignore lint/suspicious/noExplicitAny: any recorded payload
    await probot.receive({ id, name, payload } as any);
  };
  const idle = async () => {
    await loaded;
    await runtime?.queue.idle();
  };
  return {
    probot,
    deliver,
    idle,
    receive: async (name, payload, id) => {
      await deliver(name, payload, id);
      await idle();
    },
    runtime: () => {
      if (!runtime) throw new Error("the app is not loaded yet");
      return runtime;
    },
  };
}

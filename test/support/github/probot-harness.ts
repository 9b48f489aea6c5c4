import { generateKeyPairSync, randomUUID } from "node:crypto";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../../src/app/create-app.js";
import { readIssueForm } from "../../../src/app/issue-form.js";
import type { PortalDeps } from "../../../src/services/portal-deps.js";

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
 * Probot as production runs it, with the real app wiring: the retry and throttling plugins
 * ON, with Probot's own rate-limit handlers (a secondary rate limit is logged, not retried),
 * and only their timing bases at 0 so back-off costs no wall time. The function form of
 * `defaults` sees the options Probot built, so it changes timings and nothing else. The
 * throttling plugin's limiter groups are module-wide and space writes 1 s apart (3 s for
 * notification-triggering writes): each test probot gets groups of the same concurrency
 * without the spacing.
 */
export function createTestProbot(
  deps: Partial<PortalDeps> = {},
  options: { log?: pino.Logger } = {},
): {
  probot: Probot;
  receive: (name: string, payload: unknown, id?: string) => Promise<void>;
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
  probot.load(
    createApp({
      env: { DEVPORTAL_SECRET_REGISTRY_PASSWORD: "s3cr3t-registry-value" },
      issueForm: readIssueForm(),
      sleep: async () => {},
      ...deps,
    }),
  );
  return {
    probot,
    // biome-ignore lint/suspicious/noExplicitAny: any recorded payload
    receive: (name, payload, id = randomUUID()) => probot.receive({ id, name, payload } as any),
  };
}

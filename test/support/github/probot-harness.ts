import { generateKeyPairSync, randomUUID } from "node:crypto";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../../src/app/create-app.js";
import { readIssueForm } from "../../../src/app/issue-form.js";
import type { PortalDeps } from "../../../src/services/portal-deps.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/**
 * Probot as DESIGN.md prescribes for tests: the function form of `defaults`, so retry and
 * throttling are really off (the object form leaves throttling on), and the real app wiring.
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
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
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

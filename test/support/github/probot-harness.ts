import { generateKeyPairSync, randomUUID } from "node:crypto";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { type AppDeps, createApp } from "../../../src/app/create-app.js";
import { readIssueForm } from "../../../src/app/issue-form.js";
import { MemoryQueue } from "../../../src/runtime/memory-queue.js";
import type { Runtime } from "../../../src/runtime/runtime.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/**
 * Probot as DESIGN.md prescribes for tests: the function form of `defaults`, so retry and
 * throttling are really off (the object form leaves throttling on), and the real app wiring
 * with the in-process queue, whose retry delays do not wait. `receive` answers once the
 * delivery is recorded AND its work is done (the queue is idle), as flow tests expect;
 * `deliver` answers when the delivery is recorded, as GitHub sees it.
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
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
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

import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../django/free-port.js";
import type { AppKeys } from "./app-keys.js";
import { waitFor } from "./wait-for.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const PROBOT = join(ROOT, "node_modules", "probot", "bin", "probot.js");
const ENTRY = "./lib/index.js";

/** Every app process still alive: killed when the test worker exits, even after a timeout
 * that left a test's cleanup unrun, so no app outlives its tests. */
const alive = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of alive) child.kill("SIGKILL");
});

export interface AppProcessOptions {
  keys: AppKeys;
  /** GHE_HOST of the HTTP double. */
  githubHost: string;
  redisUrl?: string;
  /** More environment (DEVPORTAL_SECRET_*, runtime timings). */
  env?: Record<string, string>;
  /** A name for the logs of this replica. */
  name?: string;
  /** Told the pid as soon as the process exists, before it answers (kill switches). */
  onSpawn?: (pid: number) => void;
}

export interface Acknowledgement {
  status: number;
  ms: number;
  delivery: string;
}

export interface AppProcess {
  name: string;
  pid: number;
  port: number;
  /** Everything the process printed (JSON log lines). */
  output: () => string;
  /** POST a webhook signed with the real secret, as GitHub does; resolves with the answer. */
  deliver: (event: string, payload: unknown, delivery?: string) => Promise<Acknowledgement>;
  get: (path: string) => Promise<{ status: number; body: string }>;
  /** Peak resident memory of the process so far, in MiB (Linux /proc). */
  peakRssMiB: () => number;
  kill: () => Promise<void>;
  stop: () => Promise<void>;
  exited: () => boolean;
}

/** Fail early with the fix instead of a confusing spawn error. */
function assertBuilt(): void {
  if (!existsSync(join(ROOT, "lib", "index.js"))) {
    throw new Error("lib/index.js is missing: run `npm run build` first (npm test does).");
  }
}

/**
 * The app started as users start it: `probot run ./lib/index.js` (what `npm start` runs), with
 * only the environment a deployment gives it. Ready once it answers on its HTTP port.
 */
export async function startApp(options: AppProcessOptions): Promise<AppProcess> {
  assertBuilt();
  const port = await freePort();
  const name = options.name ?? `app-${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    APP_ID: options.keys.appId,
    PRIVATE_KEY: options.keys.privateKey,
    WEBHOOK_SECRET: options.keys.webhookSecret,
    HOST: "127.0.0.1",
    PORT: String(port),
    GHE_HOST: options.githubHost,
    GHE_PROTOCOL: "http",
    LOG_LEVEL: process.env.DEVPORTAL_TEST_LOG_LEVEL ?? "info",
    LOG_FORMAT: "json",
    DEVPORTAL_SECRET_REGISTRY_PASSWORD: "s3cr3t-registry-value",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, [PROBOT, "run", ENTRY], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  alive.add(child);
  child.once("exit", () => alive.delete(child));
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const pid = child.pid ?? 0;
  options.onSpawn?.(pid);
  const base = `http://127.0.0.1:${port}`;
  let peakKiB = 0;

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.text() };
  };
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const waitExit = () =>
    exited() ? Promise.resolve() : new Promise<void>((done) => child.once("exit", () => done()));

  try {
    await waitFor(
      `${name} to answer on port ${port}`,
      async () => {
        if (exited()) throw new Error(`${name} exited at start:\n${output}`);
        return get("/ping")
          .then((answer) => answer.status === 200)
          .catch(() => false);
      },
      { timeoutMs: 90_000, everyMs: 100 },
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  return {
    name,
    pid,
    port,
    output: () => output,
    get,
    deliver: async (event, payload, delivery = randomUUID()) => {
      const body = JSON.stringify(payload);
      const signature = createHmac("sha256", options.keys.webhookSecret).update(body).digest("hex");
      const began = performance.now();
      const response = await fetch(`${base}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/devportal-test",
          "x-github-event": event,
          "x-github-delivery": delivery,
          "x-hub-signature-256": `sha256=${signature}`,
        },
        body,
      });
      await response.text();
      return { status: response.status, ms: performance.now() - began, delivery };
    },
    peakRssMiB: () => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKiB = Math.max(peakKiB, kib);
      } catch {
        // The process is gone: its last reading stands.
      }
      return Math.round(peakKiB / 1024);
    },
    kill: async () => {
      if (!exited()) child.kill("SIGKILL");
      await waitExit();
    },
    stop: async () => {
      if (exited()) return;
      child.kill("SIGTERM");
      const stopped = await Promise.race([
        waitExit().then(() => true),
        new Promise<boolean>((done) => setTimeout(() => done(false), 5_000)),
      ]);
      if (!stopped) {
        child.kill("SIGKILL");
        await waitExit();
      }
    },
    exited,
  };
}

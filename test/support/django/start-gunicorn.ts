import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort } from "./free-port.js";
import { GUNICORN } from "./python-tools.js";

export interface RunningService {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Serve a generated service with gunicorn on a free loopback port, as the image's CMD does,
 * and wait until /healthz answers. */
export async function startGunicorn(params: {
  dir: string;
  project: string;
  env: NodeJS.ProcessEnv;
}): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(
    GUNICORN,
    ["--bind", `127.0.0.1:${port}`, "--workers", "2", `${params.project}.wsgi:application`],
    { cwd: params.dir, env: params.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await stop();
    throw new Error(`gunicorn did not come up: ${(error as Error).message}\n${output}`);
  }
  return { baseUrl, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no answer from /healthz within 20 s");
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "./wait-for.js";

export interface RedisServer {
  url: string;
  stop: () => Promise<void>;
}

/** A real redis-server (Debian package) on a free loopback port, in a temporary directory,
 * without persistence: it holds only work in flight for the duration of a test. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "devportal-redis-"));
  let output = "";
  const child: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const failed = new Promise<never>((_, reject) =>
    child.once("error", (error) =>
      reject(new Error(`redis-server did not start: ${error.message}`)),
    ),
  );
  await Promise.race([
    failed,
    waitFor("redis-server to accept connections", () => output.includes("Ready to accept"), {
      timeoutMs: 10_000,
    }),
  ]);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

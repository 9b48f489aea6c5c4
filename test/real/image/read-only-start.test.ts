import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser, PropertyInstruction } from "dockerfile-ast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/django/free-port.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** What the Dockerfile's runtime stage declares: its command, user, directory and env. */
function runtimeStage() {
  const instructions = DockerfileParser.parse(
    readFileSync(join(ROOT, "Dockerfile"), "utf8"),
  ).getInstructions();
  const stage = instructions.slice(instructions.findLastIndex((i) => i.getKeyword() === "FROM"));
  const last = (keyword: string) =>
    stage
      .filter((i) => i.getKeyword() === keyword)
      .at(-1)
      ?.getArgumentsContent() ?? "";
  const env: Record<string, string> = {};
  for (const instruction of stage)
    if (instruction instanceof PropertyInstruction && instruction.getKeyword() === "ENV")
      for (const property of instruction.getProperties())
        env[property.getName()] = property.getValue() ?? "";
  const [uid, gid] = last("USER").split(":");
  return { command: JSON.parse(last("CMD")) as string[], uid, gid, workdir: last("WORKDIR"), env };
}

/**
 * The image's runtime contract, run for real without a container engine: bubblewrap starts
 * the Dockerfile's CMD as its numeric USER, in its WORKDIR, with a read-only root file
 * system and a tmpfs at /tmp (as deploy/base mounts), and the app must serve.
 */
const EXCLUDED = new Set(["proc", "dev", "tmp", "sys", "app"]);

function sandboxed(argv: string[], env: Record<string, string>, uid: string, gid: string) {
  const stage = runtimeStage();
  // The machine's directories read-only, the checkout as the image's WORKDIR, then the
  // sandbox's own root remounted read-only too.
  const system = readdirSync("/").filter((name) => !EXCLUDED.has(name));
  return [
    ...system.flatMap((name) => ["--ro-bind", `/${name}`, `/${name}`]),
    ...["--ro-bind", ROOT, stage.workdir],
    ...["--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc", "--remount-ro", "/"],
    ...["--unshare-user", "--uid", uid, "--gid", gid],
    ...["--chdir", stage.workdir, "--die-with-parent", "--clearenv"],
    ...Object.entries(env).flatMap(([name, value]) => ["--setenv", name, value]),
    "--",
    ...argv,
  ];
}

describe("the image's runtime stage, read-only and non-root", () => {
  const stage = runtimeStage();
  let app: ChildProcess | undefined;
  let output = "";
  let port = 0;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "lib", "index.js")))
      throw new Error("lib/index.js is missing: run npm run build (npm test does)");
    port = await freePort();
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const env = {
      ...stage.env,
      // The image listens on 0.0.0.0; here only loopback is ours to use.
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: "read-only-test",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      PATH: "/usr/bin:/bin",
    };
    // The image runs `node`; here it is this test's own Node 24.
    const argv = [process.execPath, ...stage.command.slice(1)];
    app = spawn("bwrap", sandboxed(argv, env, stage.uid ?? "", stage.gid ?? ""), {
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout?.on("data", (chunk) => (output += chunk));
    app.stderr?.on("data", (chunk) => (output += chunk));
  });

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app?.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
  });

  it("declares what deploy/base expects: node, user 10001, /app", () => {
    expect(stage.command[0]).toBe("node");
    expect(stage.uid).toBe("10001");
    expect(stage.workdir).toBe("/app");
  });

  it("the sandbox really is read-only and non-root (so the next test can fail)", () => {
    const probe = spawnSync(
      "bwrap",
      sandboxed(
        ["/bin/sh", "-c", "id -u; touch /app/written"],
        { PATH: "/usr/bin:/bin" },
        "10001",
        "10001",
      ),
      { encoding: "utf8" },
    );
    expect(probe.stdout.trim()).toBe("10001");
    expect(probe.stderr).toContain("Read-only file system");
    expect(existsSync(join(ROOT, "written"))).toBe(false);
  });

  it("starts and answers HTTP without writing anywhere but /tmp", async () => {
    const deadline = Date.now() + 30_000;
    let answer: Response | undefined;
    while (Date.now() < deadline && app?.exitCode === null) {
      answer = await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined);
      if (answer) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answer?.status, output).toBe(200);
    expect(await answer?.text()).toBe("PONG");
    expect(output).not.toMatch(/EROFS|EACCES|read-only file system/i);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { lintDockerfile } from "../../../scripts/dockerfile-rules.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile"), "utf8");

/** The rule names a Dockerfile breaks. */
const broken = (content: string) => [...new Set(lintDockerfile(content).map((p) => p.rule))];

/** The portal's Dockerfile with one line replaced. */
function variant(from: string, to: string): string {
  expect(DOCKERFILE).toContain(from);
  return DOCKERFILE.replace(from, to);
}

describe("the portal's Dockerfile", () => {
  it("passes the linter with no problem at all", () => {
    expect(lintDockerfile(DOCKERFILE)).toEqual([]);
  });

  it("runs as a numeric non-root user in its final stage", () => {
    const instructions = DockerfileParser.parse(DOCKERFILE).getInstructions();
    const lastFrom = instructions.findLastIndex((i) => i.getKeyword() === "FROM");
    const users = instructions.slice(lastFrom).filter((i) => i.getKeyword() === "USER");
    const user = users.at(-1)?.getArgumentsContent() ?? "";
    const [uid, gid] = user.split(":").map(Number);
    expect(user).toMatch(/^\d+:\d+$/);
    expect(uid).toBeGreaterThan(0);
    expect(gid).toBeGreaterThan(0);
  });

  it("leaves credentials and local output out of the build context", () => {
    const ignore = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    // Everything is excluded first; only what the Dockerfile copies is let back in.
    expect(ignore.find((line) => line && !line.startsWith("#"))).toBe("*");
    const allowed = ignore.filter((line) => line.startsWith("!")).map((line) => line.slice(1));
    for (const path of allowed) expect(path).not.toMatch(/^(\.env|.*\.pem|node_modules|lib|out)/);
    const copied = [...DOCKERFILE.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) =>
      (m[1] ?? "").split(" "),
    );
    for (const source of copied)
      expect(allowed.map((path) => path.replace(/\/$/, ""))).toContain(source);
  });
});

describe("the Dockerfile rules catch what they promise", () => {
  it.each([
    ["root user", ["USER 10001:10001", "USER 0"], "numeric-non-root-user"],
    ["named user", ["USER 10001:10001", "USER node"], "numeric-non-root-user"],
    ["no user", ["USER 10001:10001\n", ""], "numeric-non-root-user"],
    [
      "latest base",
      ["FROM node:24-bookworm-slim AS runtime", "FROM node:latest AS runtime"],
      "pinned-base-image",
    ],
    [
      "untagged base",
      ["FROM node:24-bookworm-slim AS deps", "FROM node AS deps"],
      "pinned-base-image",
    ],
    [
      "Node 20",
      ["FROM node:24-bookworm-slim AS build", "FROM node:20-bookworm-slim AS build"],
      "node-24-slim",
    ],
    [
      "full Debian image",
      ["FROM node:24-bookworm-slim AS runtime", "FROM node:24-bookworm AS runtime"],
      "node-24-slim",
    ],
    [
      "dev dependencies",
      ["npm ci --omit=dev --ignore-scripts", "npm ci --ignore-scripts"],
      "production-dependencies",
    ],
    ["npm install", ["RUN npm run build", "RUN npm install && npm run build"], "npm-ci"],
    ["no NODE_ENV", ["NODE_ENV=production", "NODE_ENV=development"], "runtime-env"],
    ["no HOST", ["HOST=0.0.0.0", "HOST=127.0.0.1"], "runtime-env"],
    ["ADD", ["COPY templates ./templates", "ADD templates ./templates"], "no-add"],
    [
      "shell-form CMD",
      [
        'CMD ["node", "node_modules/probot/bin/probot.js", "run", "./lib/index.js"]',
        "CMD node lib/index.js",
      ],
      "exec-form",
    ],
    ["a secret in a layer", ["PORT=3000", "PORT=3000 WEBHOOK_SECRET=x"], "no-secret-in-image"],
    [
      "lowercase instruction",
      ["WORKDIR /app\n# Owned", "workdir /app\n# Owned"],
      "dockerfile-utils",
    ],
    ["relative WORKDIR", ["WORKDIR /app\n# Owned", "WORKDIR app\n# Owned"], "dockerfile-utils"],
  ])("%s", (_name, [from, to], rule) => {
    expect(broken(variant(from as string, to as string))).toContain(rule);
  });

  it("wants more than one stage", () => {
    expect(
      broken(
        'FROM node:24-bookworm-slim\nENV NODE_ENV=production HOST=0.0.0.0\nRUN npm ci --omit=dev\nUSER 1000\nCMD ["node", "x.js"]\n',
      ),
    ).toEqual(["multi-stage"]);
  });

  it("names the line at fault", () => {
    const problems = lintDockerfile(variant("USER 10001:10001", "USER app"));
    const line = DOCKERFILE.split("\n").indexOf("USER 10001:10001") + 1;
    expect(problems).toEqual([expect.objectContaining({ line, rule: "numeric-non-root-user" })]);
  });
});

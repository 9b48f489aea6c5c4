import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { ORG } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";
import { deployedService } from "./deploy/deployed-service.js";

const SECRET = "s3cr3t-registry-value";
// What the double hands out as the installation token.
const TOKEN = "ghs_double";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

describe("secrets and tokens", () => {
  it("never reach a log line, a comment, a commit or any request body in clear", async () => {
    const lines: string[] = [];
    const log = pino({ level: "trace" }, { write: (line: string) => lines.push(line) });
    const { receive } = createTestProbot({}, { log });
    await deployedService(double, receive);
    double.assertClean();

    // The flow really ran and really logged: the assertions below are not vacuous.
    expect(double.state.repo(ORG, "orders-api")?.secrets.get("REGISTRY_PASSWORD")).toBe(SECRET);
    expect(lines.length).toBeGreaterThan(5);

    const logged = lines.join("\n");
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(TOKEN);
    for (const call of double.calls) {
      const body = JSON.stringify(call.body ?? {});
      expect(body, call.operationId).not.toContain(SECRET);
      expect(body, call.operationId).not.toContain(TOKEN);
    }
    const repoA = double.state.repo(ORG, "orders-api")?.git.read("main") ?? {};
    for (const [path, text] of Object.entries(repoA)) expect(text, path).not.toContain(SECRET);
  });
});

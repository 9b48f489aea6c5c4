import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { onCommand } from "../../../src/handlers/on-command.js";
import { onDeploymentStatus } from "../../../src/handlers/on-deployment-status.js";
import { onInstallation } from "../../../src/handlers/on-installation.js";
import { onPullRequest } from "../../../src/handlers/on-pull-request.js";
import { onPush } from "../../../src/handlers/on-push.js";
import { onRequestIssue } from "../../../src/handlers/on-request-issue.js";
import { onWorkflowRun } from "../../../src/handlers/workflow-run.js";
import type { ResolvedDeps } from "../../../src/services/portal-deps.js";

const TEXT = readFileSync(join(import.meta.dirname, "..", "..", "..", "app.yml"), "utf8");
const MANIFEST = parse(TEXT) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

/** Delivered to every app whatever it subscribes to; GitHub refuses them in a manifest
 * ("Default events unsupported: installation"). */
const ALWAYS_DELIVERED = new Set(["installation", "installation_repositories"]);

/** The permission GitHub requires before an app may subscribe to an event. */
const PERMISSION_OF: Record<string, string> = {
  issues: "issues",
  issue_comment: "issues",
  push: "contents",
  pull_request: "pull_requests",
  workflow_run: "actions",
  deployment_status: "deployments",
};

/** The webhook events the app's job types listen to, without their actions. */
function handledEvents(): string[] {
  const deps = { env: {} } as unknown as ResolvedDeps;
  const types = [
    onRequestIssue(deps),
    onCommand(deps),
    onPush(deps),
    onPullRequest(deps),
    onWorkflowRun(deps),
    onDeploymentStatus(deps),
    onInstallation(deps),
  ];
  return [...new Set(types.flatMap((type) => type.events.map((event) => event.split(".")[0])))]
    .filter((event): event is string => event !== undefined)
    .sort();
}

/** The lines of one top-level block of app.yml. */
function block(name: string): string[] {
  const lines = TEXT.split("\n");
  const start = lines.indexOf(`${name}:`);
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter((line) => /^\s+[-\w]/.test(line));
}

describe("app.yml: the GitHub App's events and permissions", () => {
  it("subscribes to every event a handler listens to, and to nothing else", () => {
    const handled = handledEvents();
    expect(handled).toEqual(expect.arrayContaining(["deployment_status", "installation"]));
    expect([...MANIFEST.default_events].sort()).toEqual(
      handled.filter((event) => !ALWAYS_DELIVERED.has(event)),
    );
  });

  it("holds the permission each event needs, deployments included", () => {
    for (const event of MANIFEST.default_events) {
      const permission = PERMISSION_OF[event];
      expect(permission, `${event} has no known permission`).toBeDefined();
      expect(MANIFEST.default_permissions[permission as string], event).toMatch(/^(read|write)$/);
    }
    // The app creates the Deployments Argo CD reports on.
    expect(MANIFEST.default_permissions.deployments).toBe("write");
  });

  it.each([...block("default_events"), ...block("default_permissions")])("says why: %s", (line) => {
    const reason = line.split(" # ")[1]?.trim() ?? "";
    expect(reason.length).toBeGreaterThan(10);
  });
});

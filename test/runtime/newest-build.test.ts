import { describe, expect, it } from "vitest";
import { pushChange } from "../app/deploy/deployed-service.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const deployedTag = () =>
  double.state.repo(ORG, "gitops")?.git.read("main")["apps/orders-api/kustomization.yaml"] ?? "";

describe.each([
  ["the newer build's delivery first", true],
  ["the older build's delivery first", false],
])("two first builds completing together, %s", (_name, newerFirst) => {
  it("deploy the newest build, never the older one", async () => {
    const app = createTestProbot();
    await app.receive("issues", formIssuePayload(double));
    const older = startRun(double, { repo: "orders-api" });
    pushChange(double, "README.md", "# orders-api\n\nA change before the first deploy.\n");
    const newer = startRun(double, { repo: "orders-api" });
    finish(older, "success");
    finish(newer, "success");
    const deliveries = [older, newer].map((run) =>
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    if (newerFirst) deliveries.reverse();
    // Both answered at once; the queue runs one service's builds one at a time.
    await Promise.all(deliveries.map((payload) => app.deliver("workflow_run", payload)));
    await app.idle();
    double.assertClean();
    expect(deployedTag()).toContain(newer.head_sha);
    expect(deployedTag()).not.toContain(older.head_sha);
  });
});

import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { formIssuePayload, ORG } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const cases = [
  { name: "a run of another branch", run: { branch: "feature" } },
  { name: "a pull request run", run: { event: "pull_request" } },
  { name: "a run of another workflow", run: { path: ".github/workflows/nightly.yml" } },
];

describe("runs that are not ours to deploy", () => {
  it.each(cases)("ignores $name without a single API call", async ({ run: overrides }) => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const before = double.calls.length;
    const run = startRun(double, { repo: "orders-api", ...overrides });
    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();
    expect(double.calls.slice(before)).toEqual([]);
  });

  it("ignores a repository that holds no request record: one read, no write", async () => {
    double.state.addRepo({ owner: ORG, name: "website", files: { "index.html": "<h1>hi</h1>\n" } });
    const { receive } = createTestProbot();
    const run = startRun(double, { repo: "website" });
    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "website", run, action: "completed" }),
    );
    double.assertClean();
    const calls = double.calls.filter((call) => !call.operationId.startsWith("apps/"));
    expect(calls.map((call) => `${call.operationId} ${call.status}`)).toEqual([
      "repos/get-content 404",
    ]);
    expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(1);
  });
});

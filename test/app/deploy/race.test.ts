import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../../src/services/deploy/commit-gitops.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { FORM_BODY, formIssuePayload, ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const BILLING_BODY = FORM_BODY.replaceAll("orders-api", "billing-api")
  .replaceAll("orders_api", "billing_api")
  .replaceAll("orders.example.com", "billing.example.com");

describe("two services deploying at the same moment", () => {
  it("both land: the loser of the ref race re-reads the branch and plans again", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    await receive("issues", formIssuePayload(double, { number: 8, body: BILLING_BODY }));
    const orders = startRun(double, { repo: "orders-api" });
    const billing = startRun(double, { repo: "billing-api" });
    finish(orders, "success");
    finish(billing, "success");

    await Promise.all([
      receive(
        "workflow_run",
        workflowRunPayload(double, { repo: "orders-api", run: orders, action: "completed" }),
      ),
      receive(
        "workflow_run",
        workflowRunPayload(double, { repo: "billing-api", run: billing, action: "completed" }),
      ),
    ]);
    double.assertClean();

    // The race really happened: one ref update was refused as not a fast forward.
    const refUpdates = double.calls.filter(
      (call) =>
        call.operationId === "git/update-ref" && call.path.startsWith("/repos/acme/gitops/"),
    );
    expect(refUpdates.map((call) => call.status).sort()).toEqual([200, 200, 422]);

    const gitops = double.state.repo(ORG, "gitops");
    expect(gitops?.git.history("main")).toHaveLength(3);
    const files = gitops?.git.read("main") ?? {};
    expect(files["apps/orders-api/kustomization.yaml"]).toContain(orders.head_sha);
    expect(files["apps/billing-api/kustomization.yaml"]).toContain(billing.head_sha);
    // The shared catalog kept both rows: the retry was planned from the winner's commit.
    expect(parseCatalog(files["README.md"]).map((entry) => entry.service)).toEqual([
      "billing-api",
      "orders-api",
    ]);
    for (const number of [7, 8]) {
      expect(double.state.repo(ORG, REQUESTS)?.issues.get(number)?.state).toBe("closed");
    }
  });
});

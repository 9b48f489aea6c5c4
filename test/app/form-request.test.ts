import { describe, expect, it } from "vitest";
import { REQUEST_RECORD_PATH } from "../../src/render/repository-a/request-record.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

describe("issues.opened from the New service form", () => {
  it("creates one repository, sets every secret, then pushes one commit and one status comment", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    double.assertClean();

    const service = double.state.repo(ORG, "orders-api");
    expect(service, "Repository_A created").toBeDefined();
    expect(double.count("repos/create-in-org")).toBe(1);
    const history = service?.git.history("main") ?? [];
    expect(history).toHaveLength(2); // auto_init + the one Dev Portal commit
    expect(history[0]?.message).toMatch(
      /^Create orders-api with Dev Portal\n\nRequested in acme\/requests#7 by @octocat/,
    );
    const files = service?.git.read("main") ?? {};
    expect(files[REQUEST_RECORD_PATH]).toContain("kind: issue");
    expect(files[REQUEST_RECORD_PATH]).toContain("issue: 7");
    expect(service?.secrets.get("REGISTRY_PASSWORD")).toBe("s3cr3t-registry-value");

    // Secrets land before the commit that can start a workflow.
    const order = double.calls.map((call) => call.operationId);
    expect(order.lastIndexOf("actions/create-or-update-repo-secret")).toBeLessThan(
      order.indexOf("git/update-ref"),
    );

    const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
    expect(issue?.comments).toHaveLength(1);
    expect(double.count("issues/create-comment")).toBe(1);
    expect(double.count("issues/update-comment")).toBe(1);
    const status = issue?.comments[0]?.body ?? "";
    expect(status).toContain("✅ **Code pushed**");
    expect(status).toContain("⏳ **CI**");
    expect(status).not.toContain("s3cr3t");
    expect(issue?.labels).toContain("devportal:provisioning");
  });

  it("builds pushes to the branch the organisation names default, not an assumed main", async () => {
    double.state.orgDefaultBranch.set(ORG, "trunk");
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    double.assertClean();
    const service = double.state.repo(ORG, "orders-api");
    expect(service?.defaultBranch).toBe("trunk");
    const workflow = service?.git.read("trunk")[".github/workflows/ci-cd.yml"] ?? "";
    expect(workflow).toContain('branches: ["trunk"]');
    expect(workflow).not.toContain('"main"');
  });
});

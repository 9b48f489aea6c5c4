import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

describe("deliveries for one request arriving together", () => {
  it("take turns: one repository, one commit, one status comment", async () => {
    const { receive } = createTestProbot();
    // issues.opened and a quick issues.edited, handled at the same moment.
    await Promise.all([
      receive("issues", formIssuePayload(double)),
      receive("issues", formIssuePayload(double, { action: "edited" })),
    ]);
    double.assertClean();
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
    const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
    expect(issue?.comments).toHaveLength(1);
    expect(double.count("issues/create-comment")).toBe(1);
  });
});

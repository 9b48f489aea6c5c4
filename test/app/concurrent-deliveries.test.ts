import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { arrangeOrg, formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";

let double: GitHubDouble;
beforeEach(async () => {
  double = await GitHubDouble.start();
  arrangeOrg(double);
});
afterEach(() => {
  double.stop();
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

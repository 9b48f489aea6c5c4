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

describe("two requests for the same service name at once", () => {
  it("one provisions it, the other is refused with a message naming the first", async () => {
    const { receive } = createTestProbot();
    await Promise.all([
      receive("issues", formIssuePayload(double)),
      receive("issues", formIssuePayload(double, { number: 8 })),
    ]);
    double.assertClean();
    expect(double.count("repos/create-in-org")).toBe(1);
    const service = double.state.repo(ORG, "orders-api");
    expect(service?.git.history("main")).toHaveLength(2);
    const statuses = [7, 8].map(
      (number) => double.state.repo(ORG, REQUESTS)?.issues.get(number)?.comments[0]?.body ?? "",
    );
    const done = statuses.filter((body) => body.includes("✅ **Code pushed**"));
    const refused = statuses.filter((body) => body.includes("❌ **Repository**"));
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = statuses.indexOf(done[0] ?? "") === 0 ? 7 : 8;
    expect(refused[0]?.replaceAll("\\", "")).toContain(
      `acme/orders-api is being created for another request (acme/requests#${winner})`,
    );
    // The record in the repository is the winner's, untouched by the loser.
    expect(service?.git.read("main")[".devportal/request.yml"]).toContain(`issue: ${winner}`);
  });
});

import { expect, it } from "vitest";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

it("a settings secret whose variable the app lacks stops the request, saying so", async () => {
  await createTestProbot({ env: {} }).receive("issues", formIssuePayload(double));
  const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
  // The status, and one notification saying who must act.
  expect(issue?.comments).toHaveLength(2);
  expect(issue?.comments[0]?.body).toContain(
    "❌ **Actions secrets**: the app\\'s environment has no DEVPORTAL\\_SECRET\\_REGISTRY\\_PASSWORD\\: ask the platform team to set it",
  );
  expect(issue?.comments[1]?.body).toMatch(/needs the platform team: .*DEVPORTAL\\_SECRET/);
  expect(issue?.labels).toContain("devportal:failed");
  // Resolved before anything is created: nothing half-made for a retry to trip over.
  expect(double.count("repos/create-in-org")).toBe(0);
  expect(double.count("actions/create-or-update-repo-secret")).toBe(0);
  expect(double.count("git/create-commit")).toBe(0);
});

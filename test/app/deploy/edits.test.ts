import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { FORM_BODY, formIssuePayload, ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { deployedService } from "./deployed-service.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);

/** GitHub's issues.edited for a change of the body: `changes.body.from` holds the old text. */
function bodyEdit(body: string) {
  const payload = formIssuePayload(double, { action: "edited", body });
  (payload as { changes?: unknown }).changes = { body: { from: FORM_BODY } };
  return payload;
}

describe("an edit of a provisioned request", () => {
  it("is answered once with what will happen, and re-provisions nothing", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    const status = issue()?.comments[0]?.body;
    const edited = FORM_BODY.replace("orders-api", "orders-api-v2");
    expect(edited).not.toBe(FORM_BODY);

    await receive("issues", bodyEdit(edited));
    // Edited again with the same words, and a redelivery: still one answer.
    await receive("issues", bodyEdit(edited));
    double.assertClean();

    const answers = (issue()?.comments ?? []).filter((comment) =>
      comment.body.includes("<!-- devportal:edit-ack -->"),
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toContain(
      "@octocat: this request is provisioned, so editing it changes nothing",
    );
    expect(answers[0]?.body).toContain("[acme\\/orders\\-api](https://github.com/acme/orders-api)");
    expect(issue()?.comments[0]?.body).toBe(status);
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, "orders-api-v2")).toBeUndefined();
  });

  it("a title-only edit gets no answer", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    const comments = issue()?.comments.length;
    await receive("issues", formIssuePayload(double, { action: "edited" }));
    double.assertClean();
    expect(issue()?.comments).toHaveLength(comments ?? 0);
  });
});

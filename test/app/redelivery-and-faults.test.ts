import { describe, expect, it } from "vitest";
import { markdownInline } from "../../src/render/markdown-text.js";
import {
  type GitHubDouble,
  PERSISTENT,
  SECONDARY_RATE_LIMIT,
} from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { commentPayload, formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

function expectProvisionedOnce() {
  const service = double.state.repo(ORG, "orders-api");
  expect(service?.git.history("main")).toHaveLength(2);
  expect(service?.secrets.get("REGISTRY_PASSWORD")).toBe("s3cr3t-registry-value");
  const comments = double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments ?? [];
  const status = comments.filter((comment) => comment.body.includes("devportal:status"));
  expect(status).toHaveLength(1);
  expect(status[0]?.body).toContain("✅ **Code pushed**");
  expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.labels).not.toContain("devportal:failed");
}

/** The writes that publish the status: the comment and the outcome label. */
const STATUS_WRITES = ["issues/create-comment", "issues/update-comment", "issues/add-labels"];

/** Writes that opt out of plugin-retry (github/octokit.ts NO_RETRY). */
const NOT_RETRIED = new Set(["issues/create-comment"]);

/** The writes of a first provisioning, as measured: what every fault below is injected into. */
const WRITES = [
  "issues/create-comment",
  "issues/add-labels",
  "repos/create-in-org",
  "repos/add-collaborator",
  "actions/create-or-update-repo-secret",
  "git/create-tree",
  "git/create-commit",
  "git/update-ref",
  "issues/update-comment",
];

/** A fresh request repository also gets the app's four labels before the first report. */
const LABELS = Array.from({ length: 4 }, () => "issues/create-label");

describe("idempotency", () => {
  it("measures a provisioning: 29 calls after the token, 13 of them writes", async () => {
    await createTestProbot().receive("issues", formIssuePayload(double));
    double.assertClean();
    const calls = double.calls.filter(
      (call) => call.operationId !== "apps/create-installation-access-token",
    );
    // GET /app (whose comments to believe) and the GitOps catalog (hosts served) included.
    expect(calls).toHaveLength(29);
    expect(
      double
        .writes()
        .map((call) => call.operationId)
        .filter((id) => !id.startsWith("apps/")),
    ).toEqual([...LABELS, ...WRITES]);
  });

  it("writes nothing for the same delivery twice, nor for the same event with a new delivery id", async () => {
    const { receive } = createTestProbot();
    const payload = formIssuePayload(double);
    await receive("issues", payload, "delivery-1");
    const writes = double.writes().length;
    await receive("issues", payload, "delivery-1");
    await receive("issues", payload, "delivery-2");
    double.assertClean();
    const later = double
      .writes()
      .slice(writes)
      .filter((call) => !call.operationId.startsWith("apps/"));
    expect(later).toEqual([]);
    expectProvisionedOnce();
  });

  it.each(["repos/create-in-org", "actions/create-or-update-repo-secret", "git/update-ref"])(
    "heals a single 502 on %s through Octokit's retry plugin: nothing to report",
    async (operationId) => {
      double.failNext({ operationId, status: 502, message: "Bad Gateway" });
      await createTestProbot().receive("issues", formIssuePayload(double));
      double.assertClean();
      expect(double.calls.filter((call) => call.operationId === operationId)).toHaveLength(2);
      expectProvisionedOnce();
    },
  );

  it("waits out the brief 404s of a repository that was just created", async () => {
    double.lagReads = 2;
    await createTestProbot().receive("issues", formIssuePayload(double));
    double.assertClean();
    expectProvisionedOnce();
  });
});

describe.each([
  ["a 502 before the write", { status: 502 }],
  ["a 502 after GitHub applied the write", { status: 502, applied: true }],
  ["a secondary rate limit", SECONDARY_RATE_LIMIT],
])("%s", (_name, fault) => {
  it.each(WRITES)(
    "on %s: reported, and /devportal retry finishes without duplicates",
    async (operationId) => {
      const { receive } = createTestProbot();
      // A 5xx outlasts Octokit's retry plugin, as production runs it, unless the write opts
      // out of retries (a create that a retry would duplicate).
      const times = fault.status >= 500 && !NOT_RETRIED.has(operationId) ? PERSISTENT : 1;
      double.failNext({ operationId, ...fault, times });
      const escaped = await receive("issues", formIssuePayload(double)).then(
        () => undefined,
        (error: unknown) => error,
      );
      // Only a failed write of the status itself (its comment, its labels) escapes the
      // pipeline, as GitHub's own error; every other failure is reported in the comment.
      if (escaped !== undefined) {
        expect(STATUS_WRITES).toContain(operationId);
        // Probot gathers a handler's errors into an AggregateError.
        expect(escaped).toMatchObject({
          errors: [expect.objectContaining({ status: fault.status })],
        });
      }
      const status = double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0]?.body ?? "";
      const answerLost = "applied" in fault && operationId === "repos/create-in-org";
      if (answerLost) {
        // The app recognises the repository it created by its mark, and carries on.
        expect(status).toContain("✅ **Code pushed**");
      } else if (
        // A refused grant of access is said beside the repository and stops nothing.
        !operationId.startsWith("issues/") &&
        operationId !== "repos/add-collaborator" &&
        fault.status
      ) {
        expect(status).toContain("❌");
        // Said as what it is: a pause or a passing error, never a missing permission.
        expect(status).toContain(
          markdownInline(
            fault.status === 502
              ? "GitHub had a passing error (502)"
              : "GitHub's rate limit paused the portal (403)",
          ),
        );
        expect(status).not.toContain("Administration");
      }
      await receive("issues", formIssuePayload(double)); // GitHub's redelivery
      await receive(
        "issue_comment",
        commentPayload(double, { number: 7, body: "/devportal retry" }),
      );
      double.assertClean();
      expectProvisionedOnce();
      expect(double.state.repos.size).toBe(4); // .github, requests, gitops, orders-api
    },
  );
});

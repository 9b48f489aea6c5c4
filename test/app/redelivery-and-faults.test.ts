import { describe, expect, it } from "vitest";
import {
  CONNECTION_RESET,
  type GitHubDouble,
  PERSISTENT,
  SECONDARY_RATE_LIMIT,
} from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
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

/** Writes that opt out of plugin-retry (github/octokit.ts NO_RETRY). */
const NOT_RETRIED = new Set(["issues/create-comment", "repos/create-in-org"]);

/** Writes a later attempt does not repeat: the first status's label is not wanted any more
 * once the run has moved on, so a fault outlasting the plugin would never be met. */
const NOT_REPEATED = new Set(["issues/add-labels"]);

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

describe("idempotency", () => {
  it("measures a provisioning: 20 calls after the token, 9 of them writes", async () => {
    await createTestProbot().receive("issues", formIssuePayload(double));
    double.assertClean();
    const calls = double.calls.filter(
      (call) => call.operationId !== "apps/create-installation-access-token",
    );
    // GET /app (whose comments to believe) and the GitOps catalog (hosts served) included;
    // the code commit reads its parent's files in one call (git/trees takes the commit).
    expect(calls).toHaveLength(20);
    expect(calls.filter((call) => call.operationId === "git/get-commit")).toEqual([]);
    // The issue arrived with the request label: the app's labels exist, none is checked.
    expect(double.count("issues/get-label")).toBe(0);
    expect(
      double
        .writes()
        .map((call) => call.operationId)
        .filter((id) => !id.startsWith("apps/")),
    ).toEqual(WRITES);
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

const RATE_LIMITED = { ...SECONDARY_RATE_LIMIT, headers: { "retry-after": "1" } };

describe.each([
  ["a 502 before the write", { status: 502 }],
  ["a 502 after GitHub applied the write", { status: 502, applied: true }],
  ["a secondary rate limit with retry-after", RATE_LIMITED],
  ["a connection reset", CONNECTION_RESET],
])("%s", (_name, fault) => {
  it.each(WRITES)(
    "on %s: heals by itself from the one delivery, without duplicates",
    async (operationId) => {
      const { receive } = createTestProbot();
      // A 5xx outlasts Octokit's retry plugin, as production runs it, unless the write opts
      // out of retries: what is left is the queue's to heal. (A reset meets one call.)
      const outlasts =
        fault.status >= 500 && !NOT_RETRIED.has(operationId) && !NOT_REPEATED.has(operationId);
      double.failNext({ operationId, ...fault, times: outlasts ? PERSISTENT : 1 });
      await receive("issues", formIssuePayload(double));
      double.assertClean();
      expectProvisionedOnce();
      expect(double.state.repos.size).toBe(4); // .github, requests, gitops, orders-api
      // Nobody had to act: no command, no redelivery.
      const notes = double.calls
        .filter((call) => call.operationId === "issues/update-comment")
        // Markdown escaping aside.
        .map((call) => String(call.body?.body ?? "").replaceAll("\\", ""));
      if (fault === RATE_LIMITED && !operationId.startsWith("issues/")) {
        // The requester was told while waiting (GitHub's 1 s retry-after, not waited here).
        expect(
          notes.some((body) =>
            /GitHub asked us to slow down; retrying at \d\d:\d\d:\d\d UTC/.test(body),
          ),
        ).toBe(true);
      }
    },
  );
});

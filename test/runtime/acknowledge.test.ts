import { describe, expect, it } from "vitest";
import { deployedService } from "../app/deploy/deployed-service.js";
import { type GitHubDouble, SECONDARY_RATE_LIMIT } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
const appWrites = () => double.writes().filter((call) => !call.operationId.startsWith("apps/"));

async function metric(app: ReturnType<typeof createTestProbot>, name: string, labels: string) {
  const text = await app.runtime().metrics.registry.metrics();
  const line = text.split("\n").find((row) => row.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("acknowledge, then work", () => {
  it("records the delivery and answers before any work is done", async () => {
    const app = createTestProbot();
    await app.deliver("issues", formIssuePayload(double), "ack-1");
    // Answered: the job is queued, and GitHub holds nothing of the request yet.
    expect(await app.runtime().queue.depth()).toBe(1);
    expect(issue()?.comments).toHaveLength(0);
    expect(double.state.repo(ORG, "orders-api")).toBeUndefined();
    expect(
      await metric(app, "devportal_deliveries_total", 'event="issues.opened",outcome="queued"'),
    ).toBe(1);

    await app.idle();
    expect(issue()?.comments[0]?.body).toContain("✅ **Code pushed**");
    expect(await app.runtime().queue.depth()).toBe(0);
  });

  it("takes a delivery id once: the second copy is a no-op, even while the first is queued", async () => {
    const app = createTestProbot();
    const payload = formIssuePayload(double);
    await app.deliver("issues", payload, "dup-1");
    await app.deliver("issues", payload, "dup-1");
    await app.idle();
    await app.receive("issues", payload, "dup-1");
    double.assertClean();
    expect(
      await metric(app, "devportal_deliveries_total", 'event="issues.opened",outcome="duplicate"'),
    ).toBe(2);
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.count("issues/create-comment")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
  });

  it("ignores, without queueing, deliveries its guards turn away", async () => {
    const app = createTestProbot();
    const payload = formIssuePayload(double);
    payload.issue.labels = [];
    await app.receive("issues", payload);
    expect(
      await metric(app, "devportal_deliveries_total", 'event="issues.opened",outcome="ignored"'),
    ).toBe(1);
    expect(double.calls).toEqual([]);
  });
});

describe("healing", () => {
  it("a secondary rate limit on the very first status comment: retried after retry-after, one comment", async () => {
    const app = createTestProbot();
    double.failNext({
      operationId: "issues/create-comment",
      ...SECONDARY_RATE_LIMIT,
      headers: { "retry-after": "1" },
    });
    await app.receive("issues", formIssuePayload(double));
    double.assertClean();
    expect(issue()?.comments).toHaveLength(1);
    expect(issue()?.comments[0]?.body).toContain("✅ **Code pushed**");
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(await metric(app, "devportal_retries_total", 'level="job",reason="rate-limit"')).toBe(1);
  });
});

describe("redelivery of finished work", () => {
  it("issues.opened redelivered after the deploy, to a fresh process, makes reads only", async () => {
    const first = createTestProbot();
    await deployedService(double, first.receive);
    expect(issue()?.state).toBe("closed");
    const before = appWrites().length;

    // A new process (nothing remembered) gets GitHub's redelivery of the opening event.
    const second = createTestProbot();
    await second.receive("issues", formIssuePayload(double));
    double.assertClean();
    expect(appWrites().slice(before)).toEqual([]);
  });
});

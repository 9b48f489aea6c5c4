import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisQueue } from "../../src/runtime/redis-queue.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";
import { type RunningRedis, startRedis } from "../support/redis/start-redis.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const queues: RedisQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});

/** Two replicas of the app on one Redis (one prefix per test). */
function twoReplicas() {
  const prefix = randomUUID();
  return [0, 1].map(() => {
    const queue = new RedisQueue({ url: redis.url, prefix, log: pino({ level: "silent" }) });
    queues.push(queue);
    return createTestProbot({ queue });
  }) as [ReturnType<typeof createTestProbot>, ReturnType<typeof createTestProbot>];
}

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);

describe("two replicas on one Redis", () => {
  it("the same delivery to both: provisioned once", async () => {
    const [a, b] = twoReplicas();
    const payload = formIssuePayload(double);
    await Promise.all([
      a.deliver("issues", payload, "same-id"),
      b.deliver("issues", payload, "same-id"),
    ]);
    await Promise.all([a.idle(), b.idle()]);
    double.assertClean();
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.count("actions/create-or-update-repo-secret")).toBe(1);
    expect(issue()?.comments).toHaveLength(1);
    expect(issue()?.comments[0]?.body).toContain("✅ **Code pushed**");
  });

  it("opened to one and edited to the other: one status comment, one Create commit", async () => {
    const [a, b] = twoReplicas();
    await Promise.all([
      a.deliver("issues", formIssuePayload(double)),
      b.deliver("issues", formIssuePayload(double, { action: "edited" })),
    ]);
    await Promise.all([a.idle(), b.idle()]);
    double.assertClean();
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.count("issues/create-comment")).toBe(1);
    expect(issue()?.comments).toHaveLength(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
  });
});

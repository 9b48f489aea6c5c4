import { describe, expect, it } from "vitest";
import { bumpMessage, firstDeployMessage } from "../../../src/services/deploy/commit-gitops.js";
import { failedJobs } from "../../../src/services/deploy/outcome.js";

const JOB_URL = "https://github.com/acme/orders-api/actions/runs/9/job/42";

describe("failedJobs", () => {
  it("lists failed jobs with links to their failed steps, and nothing that passed", () => {
    const jobs = failedJobs([
      {
        name: "test",
        conclusion: "failure",
        htmlUrl: JOB_URL,
        steps: [
          { name: "Set up job", number: 1, conclusion: "success" },
          { name: "Run tests", number: 4, conclusion: "failure" },
          { name: "Post", number: 5, conclusion: "skipped" },
        ],
      },
      { name: "lint", conclusion: "success", htmlUrl: "x", steps: [] },
      { name: "image", conclusion: "timed_out", htmlUrl: null, steps: [] },
      { name: "deploy", conclusion: "skipped", htmlUrl: "y", steps: [] },
    ]);
    expect(jobs).toEqual([
      {
        name: "test",
        conclusion: "failure",
        url: JOB_URL,
        steps: [{ name: "Run tests", url: `${JOB_URL}#step:4:1` }],
      },
      { name: "image", conclusion: "timed_out", url: null, steps: [] },
    ]);
  });
});

describe("commit messages", () => {
  const run = {
    id: 289782451,
    number: 163,
    htmlUrl: "https://github.com/acme/orders-api/actions/runs/289782451",
  };
  const sha = "3484a3fb816e0859fd6e1cea078d76385ff50625";

  it("a bump names the service, the short SHA and the run", () => {
    const message = bumpMessage({
      service: "orders-api",
      repository: "acme/orders-api",
      from: "1".repeat(40),
      tag: sha,
      run,
    });
    expect(message.split("\n")[0]).toBe("orders-api: deploy 3484a3f (run #163)");
    expect(message).toContain(run.htmlUrl);
  });

  it("a first deployment links the build and the request", () => {
    const message = firstDeployMessage({
      service: "orders-api",
      repository: "acme/orders-api",
      tag: sha,
      run,
      origin: { repository: "acme/requests", kind: "issue", issue: 7 },
    });
    expect(message.split("\n")[0]).toBe("Deploy orders-api at 3484a3f");
    expect(message).toContain("Requested in acme/requests#7.");
    expect(message).toContain(run.htmlUrl);
  });
});

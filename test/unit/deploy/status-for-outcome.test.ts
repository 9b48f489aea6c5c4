import { describe, expect, it } from "vitest";
import { statusForOutcome } from "../../../src/services/deploy/outcome.js";
import { renderStatusComment } from "../../../src/services/status/render-status-comment.js";
import { initialReport, outcomeOf, withStep } from "../../../src/services/status/status-report.js";

const origin = { repository: "acme/requests", kind: "issue" as const, issue: 7 };
const run = { id: 9, number: 163, htmlUrl: "https://github.com/acme/orders-api/actions/runs/9" };
const SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
const commit = {
  sha: "c".repeat(40),
  url: `https://github.com/acme/gitops/commit/${"c".repeat(40)}`,
};
const start = initialReport(origin, "orders-api");

describe("statusForOutcome", () => {
  it("shows CI running with the run's link", () => {
    const report = statusForOutcome(start, { kind: "ci-running", run });
    expect(report?.steps.ci).toEqual({
      state: "pending",
      note: "build #163 running",
      link: run.htmlUrl,
      linkText: "run #163",
    });
  });

  it("marks a first deployment committed, waiting for Argo CD, with named links", () => {
    const report = statusForOutcome(
      start,
      {
        kind: "deployed",
        run,
        tag: SHA,
        commit,
        application: "orders-api",
        url: "https://orders.example.com/",
      },
      {
        since: "2026-11-30T12:00:00Z",
        argocdApp: "https://argocd.acme.dev/applications/orders-api",
      },
    );
    expect(report?.steps.ci.state).toBe("done");
    expect(report?.steps.deployed).toEqual({
      state: "done",
      note: "3484a3f committed for Argo CD application orders-api",
      link: commit.url,
      linkText: `GitOps commit ${commit.sha.slice(0, 7)}`,
    });
    expect(report?.steps.live).toMatchObject({ state: "pending", at: "2026-11-30T12:00:00Z" });
    // Committed is not live, unless the settings close on the commit.
    expect(report && outcomeOf(report)).toBe("provisioning");
    expect(report && outcomeOf(report, "commit")).toBe("deployed");
    const comment = report ? renderStatusComment(report) : "";
    expect(comment).toContain(`([GitOps commit ${commit.sha.slice(0, 7)}](${commit.url}))`);
    expect(comment).toContain("([Argo CD app](https://argocd.acme.dev/applications/orders-api))");
    expect(comment).not.toContain("[link]");
  });

  it("keeps the deployed step of a redelivery that found the commit made", () => {
    const deployed = statusForOutcome(start, {
      kind: "deployed",
      run,
      tag: SHA,
      commit,
      application: "orders-api",
      url: "https://orders.example.com/",
    });
    if (!deployed) throw new Error("no report");
    const again = statusForOutcome(deployed, {
      kind: "deployed",
      run,
      tag: SHA,
      commit: undefined,
      application: "orders-api",
      url: "https://orders.example.com/",
    });
    expect(again).toEqual(deployed);
  });

  it("reports failing jobs and steps, linking the first failed step", () => {
    const stepUrl = "https://github.com/acme/orders-api/actions/runs/9/job/1#step:4:1";
    const report = statusForOutcome(start, {
      kind: "failed",
      run,
      conclusion: "failure",
      jobs: [
        {
          name: "test",
          conclusion: "failure",
          url: "j",
          steps: [{ name: "Run tests", url: stepUrl }],
        },
        { name: "image", conclusion: "cancelled", url: null, steps: [] },
      ],
    });
    expect(report?.steps.ci).toEqual({
      state: "failed",
      note: "build #163 failure: test › Run tests; image (cancelled); push a fix or comment /devportal retry",
      link: stepUrl,
      linkText: "run #163 log",
    });
    expect(report && outcomeOf(report)).toBe("failed");
  });

  it("says what the platform team must do when Repository_B is unusable", () => {
    const report = statusForOutcome(start, {
      kind: "blocked",
      run,
      reason: "the GitOps repository acme/gitops does not exist or the app cannot see it",
      action: "create acme/gitops",
    });
    expect(report?.steps.deployed.state).toBe("failed");
    expect(report?.steps.deployed.note).toContain("create acme/gitops");
  });

  it("writes nothing for ignored runs and late old builds", () => {
    expect(statusForOutcome(start, { kind: "ignored", reason: "x" })).toBeUndefined();
    const committed = withStep(start, "deployed", { state: "done", note: "committed" });
    expect(
      statusForOutcome(committed, { kind: "unchanged", run, tag: SHA, reason: "older" }),
    ).toBeUndefined();
  });

  it("says a tag Repository_B already deploys when the status never said so (its run stopped)", () => {
    const since = "2026-11-30T12:00:00Z";
    const report = statusForOutcome(
      start,
      { kind: "deployed", run, tag: SHA, commit: undefined, application: "orders-api", url: "" },
      { since },
    );
    expect(report?.steps.ci.state).toBe("done");
    expect(report?.steps.deployed).toEqual({
      state: "done",
      note: "3484a3f committed for Argo CD application orders-api",
    });
    expect(report?.steps.live).toMatchObject({ state: "pending", at: since });
  });
});

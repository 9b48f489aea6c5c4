import { describe, expect, it } from "vitest";
import { type GitHubDouble, PERSISTENT } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { commentPayload, formIssuePayload, ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { builtService } from "./deployed-service.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
const gitopsCommits = () => double.state.repo(ORG, "gitops")?.git.history("main").length;

describe("a failed build", () => {
  it("is reported with its failing job and step, labels the request failed, and deploys nothing", async () => {
    const { receive } = createTestProbot();
    const run = await builtService(double, receive, "failure");
    double.assertClean();

    expect(gitopsCommits()).toBe(1);
    const status = issue()?.comments[0]?.body ?? "";
    expect(status).toContain("❌ **CI**: build \\#1 failure\\: test › Run Django tests");
    const stepLink = `https://github.com/acme/orders-api/actions/runs/${run.id}/job/11#step:4:1`;
    expect(status).toContain(`([link](${stepLink}))`);
    expect(issue()?.labels).toContain("devportal:failed");
    expect(issue()?.labels).not.toContain("devportal:provisioning");
    expect(issue()?.state).toBe("open");
    expect(issue()?.comments).toHaveLength(1);
  });

  it.each(["cancelled"] as const)("%s is reported the same way", async (conclusion) => {
    const { receive } = createTestProbot();
    const _run = await builtService(double, receive, conclusion);
    expect(issue()?.comments[0]?.body).toContain(`❌ **CI**: build \\#1 ${conclusion}`);
    expect(gitopsCommits()).toBe(1);
  });

  it("is re-run by /devportal retry (failed jobs only), and the green attempt deploys", async () => {
    const { receive } = createTestProbot();
    const run = await builtService(double, receive, "failure");

    await receive("issue_comment", commentPayload(double, { number: 7, body: "/devportal retry" }));
    expect(double.count("actions/re-run-workflow-failed-jobs")).toBe(1);
    expect(run.run_attempt).toBe(2);
    expect(issue()?.comments[0]?.body).toContain("⏳ **CI**: build \\#1 running");
    // Provisioning was resumed, not redone.
    expect(double.count("repos/create-in-org")).toBe(1);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);

    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();
    expect(gitopsCommits()).toBe(2);
    expect(issue()?.comments[0]?.body).toContain("✅ **Deployed**");
    expect(issue()?.labels).toEqual(["devportal:request", "devportal:deployed"]);
    expect(issue()?.state).toBe("closed");
  });

  it("a GitHub error while writing Repository_B heals by itself: the deployment finishes, once", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    double.failNext({
      operationId: "git/update-ref",
      status: 502,
      message: "Bad Gateway",
      times: PERSISTENT,
    });
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();
    expect(gitopsCommits()).toBe(2);
    expect(double.count("actions/re-run-workflow-failed-jobs")).toBe(0);
    expect(issue()?.comments).toHaveLength(1);
    expect(issue()?.comments[0]?.body).toContain("✅ **Deployed**");
    expect(issue()?.labels).not.toContain("devportal:failed");
    expect(issue()?.state).toBe("closed");
  });

  it("a refusal while reading Repository_B is reported with what the platform team must do", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    // The first repository read of a completed run is Repository_B's.
    double.failNext({
      operationId: "repos/get",
      status: 403,
      message: "Resource not accessible by integration",
    });
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    expect(gitopsCommits()).toBe(1);
    // Markdown-escaped in the comment: compare the words.
    const body = (issue()?.comments[0]?.body ?? "").replace(/\\(.)/g, "$1");
    expect(body).toContain("❌ **Deployed**: the app may not write to acme/gitops");
    expect(body).toContain("grant the Dev Portal app contents: write on acme/gitops");

    await receive("issue_comment", commentPayload(double, { number: 7, body: "/devportal retry" }));
    double.assertClean();
    expect(gitopsCommits()).toBe(2);
    expect(issue()?.comments[0]?.body).toContain("✅ **Deployed**");
  });
});

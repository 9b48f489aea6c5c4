import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { deployedService, pushChange } from "./deployed-service.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
const gitopsHistory = () => double.state.repo(ORG, "gitops")?.git.history("main") ?? [];
const status = () => issue()?.comments[0]?.body ?? "";
const deployments = () => double.state.repo(ORG, "orders-api")?.deployments ?? [];

/**
 * The process dies right after the GitOps ref moved (and its Deployment was made), before
 * the status comment and the label: a read of the report (the issue itself) fails for good,
 * which leaves GitHub exactly as a SIGKILL at that point would. The same run handled again
 * (a redelivery, the queue's retry after a restart, the recovery sweep) finds its tag already
 * committed, and must still report it as a first run would: committed, waiting for Argo CD,
 * with the one Deployment Argo CD reports on.
 */
function crashBeforeTheReport(): void {
  double.failNext({ operationId: "issues/get", status: 422, message: "crash" });
}

describe("a deploy handled again after a crash between the GitOps ref and the report", () => {
  it("reports the first deployment committed, waiting for Argo CD, with one Deployment and no second commit", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    const payload = workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });

    crashBeforeTheReport();
    await receive("workflow_run", payload);
    expect(gitopsHistory()).toHaveLength(2);
    expect(status()).not.toContain("✅ **GitOps commit**");
    expect(issue()?.state).toBe("open");

    const before = double.writes().length;
    await receive("workflow_run", payload);
    double.assertClean();
    expect(gitopsHistory()).toHaveLength(2);
    expect(deployments()).toHaveLength(1);
    expect(deployments()[0]?.sha).toBe(run.head_sha);
    expect(status()).toContain("✅ **CI**: build \\#1 passed");
    expect(status()).toContain("✅ **GitOps commit**");
    expect(status()).toContain("committed for Argo CD application orders\\-api");
    expect(status()).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(issue()?.comments.filter((comment) => comment.user.type === "Bot")).toHaveLength(1);
    expect(issue()?.labels).toContain("devportal:provisioning");
    // Open until Argo CD reports the service live.
    expect(issue()?.state).toBe("open");
    // Only the report: no GitOps write, no second Deployment.
    const writes = double
      .writes()
      .slice(before)
      .filter((call) => !call.operationId.startsWith("apps/"))
      .map((call) => call.operationId);
    expect(writes.filter((operationId) => operationId.startsWith("git/"))).toEqual([]);
    expect(writes).not.toContain("repos/create-deployment");
    expect(writes).toContain("issues/update-comment");

    // Handled a third time, the finished request costs reads only.
    const settled = double.writes().length;
    await receive("workflow_run", payload);
    expect(
      double
        .writes()
        .slice(settled)
        .filter((call) => !call.operationId.startsWith("apps/")),
    ).toEqual([]);
  });

  it("reports a later build's tag the same way when the crash follows its bump", async () => {
    const { receive } = createTestProbot();
    await deployedService(double, receive);
    const head = pushChange(double, "orders/views.py", "# changed by the team\n");
    const second = startRun(double, { repo: "orders-api" });
    finish(second, "success");
    const payload = workflowRunPayload(double, {
      repo: "orders-api",
      run: second,
      action: "completed",
    });

    crashBeforeTheReport();
    await receive("workflow_run", payload);
    expect(gitopsHistory()).toHaveLength(3);
    expect(status()).not.toContain(head.slice(0, 7));

    await receive("workflow_run", payload);
    double.assertClean();
    expect(gitopsHistory()).toHaveLength(3);
    // The first build's Deployment, and one for the bump's tag.
    expect(deployments()).toHaveLength(2);
    expect(deployments()[1]?.sha).toBe(head);
    expect(status()).toContain("✅ **CI**: build \\#2 passed");
    expect(status()).toContain(`✅ **GitOps commit**: ${head.slice(0, 7)}`);
    expect(status()).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(issue()?.labels).toContain("devportal:provisioning");
  });
});

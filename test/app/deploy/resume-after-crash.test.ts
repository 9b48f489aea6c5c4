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

/**
 * The process dies right after the GitOps ref moved, before the status comment, the label
 * and the issue's state: a read of the report (the issue itself) fails
 * for good, which leaves GitHub exactly as a SIGKILL at that point would. The same run
 * handled again (a redelivery, the queue's retry after a restart, the recovery sweep) finds
 * its tag already committed, and must still finish the request as a first run would.
 */
function crashBeforeTheReport(): void {
  double.failNext({ operationId: "issues/get", status: 422, message: "crash" });
}

describe("a deploy handled again after a crash between the GitOps ref and the report", () => {
  it("reports the first deployment, labels it deployed and closes the request, without a second commit", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    const payload = workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });

    crashBeforeTheReport();
    await receive("workflow_run", payload);
    expect(gitopsHistory()).toHaveLength(2);
    expect(issue()?.state).toBe("open");
    expect(issue()?.labels).not.toContain("devportal:deployed");

    const before = double.writes().length;
    await receive("workflow_run", payload);
    double.assertClean();
    expect(gitopsHistory()).toHaveLength(2);
    expect(status()).toContain("✅ **CI**: build \\#1 passed");
    expect(status()).toContain("✅ **Deployed**");
    expect(status()).toContain("Argo CD application orders\\-api");
    expect(status()).toContain("http\\:\\/\\/orders\\.example\\.com\\/");
    expect(issue()?.comments.filter((comment) => comment.user.type === "Bot")).toHaveLength(1);
    expect(issue()?.labels).toContain("devportal:deployed");
    expect(issue()?.labels).not.toContain("devportal:provisioning");
    expect(issue()?.state).toBe("closed");
    // Only the report: no GitOps write.
    const writes = double
      .writes()
      .slice(before)
      .filter((call) => !call.operationId.startsWith("apps/"))
      .map((call) => call.operationId);
    expect(writes.filter((operationId) => operationId.startsWith("git/"))).toEqual([]);
    expect(writes).toContain("issues/update-comment");
    expect(writes).toContain("issues/update");

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
    expect(status()).toContain("✅ **CI**: build \\#2 passed");
    expect(status()).toContain(`✅ **Deployed**: ${head.slice(0, 7)}`);
    expect(issue()?.labels).toContain("devportal:deployed");
    expect(issue()?.state).toBe("closed");
  });
});

import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { formIssuePayload, ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const gitops = () => double.state.repo(ORG, "gitops");
const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);

describe("issue -> Repository_A -> green workflow_run -> Repository_B", () => {
  it("deploys the service in one GitOps commit tagged with the run's head SHA, and waits for Argo CD with the request open", async () => {
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });

    const beforeQueued = double.calls.length;
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "requested" }),
    );
    // Queued is not running: nothing is asked, nothing said.
    expect(double.calls.slice(beforeQueued)).toEqual([]);
    expect(issue()?.comments[0]?.body).not.toContain("running");
    const beforeRunning = double.calls.length;
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "in_progress" }),
    );
    // A running build reads the record, believes it (settings, the request's status, which
    // also says nothing is deployed yet: Repository_B is not read) and reports it.
    expect(double.callsSince(beforeRunning).map((call) => call.operationId)).toEqual([
      "repos/get-content",
      "repos/get-content",
      "issues/list-comments",
      "issues/get",
      "issues/update-comment",
    ]);
    const running = issue()?.comments[0]?.body ?? "";
    expect(running).toContain("⏳ **CI**: build \\#1 running");
    expect(running).toContain(`/actions/runs/${run.id}`);
    expect(gitops()?.git.history("main")).toHaveLength(1);

    finish(run, "success");
    const before = double.calls.length;
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();

    const history = gitops()?.git.history("main") ?? [];
    expect(history).toHaveLength(2);
    expect(history[0]?.message.split("\n")[0]).toBe(
      `Deploy orders-api at ${run.head_sha.slice(0, 7)}`,
    );
    const files = gitops()?.git.read("main") ?? {};
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "apps/orders-api/README.md",
      "apps/orders-api/base/deployment.yaml",
      "apps/orders-api/base/kustomization.yaml",
      "apps/orders-api/base/networkpolicy.yaml",
      "apps/orders-api/base/service.yaml",
      "apps/orders-api/ingress.yaml",
      "apps/orders-api/kustomization.yaml",
      "apps/orders-api/namespace.yaml",
      "apps/orders-api/pvc.yaml",
      "k8s/applicationset.yaml",
    ]);
    expect(files["apps/orders-api/kustomization.yaml"]).toContain(`newTag: "${run.head_sha}"`);
    expect(files["k8s/applicationset.yaml"]).toContain("kind: ApplicationSet");
    expect(files["README.md"]).toContain(
      // No tls in these portal settings: the URL says http, as the Ingress serves it.
      "| [orders-api](apps/orders-api/) | http://orders.example.com/ |",
    );

    const comments = issue()?.comments ?? [];
    expect(comments).toHaveLength(1);
    const status = comments[0]?.body ?? "";
    expect(status).toContain("✅ **CI**: build \\#1 passed");
    expect(status).toContain("✅ **GitOps commit**");
    expect(status).toContain(`https://github.com/acme/gitops/commit/${history[0]?.sha}`);
    expect(status).toContain("Argo CD application orders\\-api");
    // Committed is not live: open, waiting for Argo CD's report on the Deployment.
    expect(status).toContain("⏳ **Live**: committed\\, waiting for Argo CD");
    expect(issue()?.state).toBe("open");
    expect(issue()?.labels).toContain("devportal:provisioning");
    expect(issue()?.labels).not.toContain("devportal:deployed");
    const deployments = double.state.repo(ORG, "orders-api")?.deployments ?? [];
    expect(deployments.map((d) => [d.sha, d.environment])).toEqual([[run.head_sha, "production"]]);

    // Measured: the calls of a first deployment, and which of them write.
    const calls = double.callsSince(before);
    expect(calls.filter((call) => call.method !== "GET").map((call) => call.operationId)).toEqual([
      "git/create-tree",
      "git/create-commit",
      "git/update-ref",
      "repos/create-deployment",
      "issues/update-comment",
    ]);
    expect(calls[0]?.path).toBe("/repos/acme/orders-api/contents/.devportal%2Frequest.yml");
    // Each thing read once: the record, believed both ways (control plane settings, the
    // request's status), Repository_B's head and what it holds there, the commit, the
    // Deployment; the status comment is read again after the commit's seconds of writes.
    expect(calls.map((call) => call.operationId)).toEqual([
      "repos/get-content", // .devportal/request.yml at the built commit
      "repos/get-content", // the control plane's settings
      "issues/list-comments", // the request's status
      "repos/get", // Repository_B's default branch
      "git/get-ref", // its head
      "repos/get-content", // apps/orders-api/kustomization.yaml at the head
      "repos/get-content", // README.md (the catalog) at the head
      "repos/get-content", // k8s/applicationset.yaml at the head
      "git/get-tree", // the head's files, for the diff
      "git/create-tree",
      "git/create-commit",
      "git/update-ref",
      "repos/list-deployments",
      "repos/create-deployment",
      "issues/list-comments",
      "issues/get",
      "issues/update-comment",
    ]);
  });

  it("says what the platform team must do when the GitOps repository is missing, and deploys after /devportal retry", async () => {
    double.state.repos.delete(`${ORG}/gitops`);
    const { receive } = createTestProbot();
    await receive("issues", formIssuePayload(double));
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    const blocked = issue()?.comments[0]?.body ?? "";
    expect(blocked).toContain(
      "❌ **GitOps commit**: the GitOps repository acme\\/gitops does not exist",
    );
    expect(blocked).toContain("add it to the Dev Portal app\\'s installation");
    expect(issue()?.labels).toContain("devportal:failed");
    expect(issue()?.state).toBe("open");

    double.state.addRepo({ owner: ORG, name: "gitops" });
    const { commentPayload } = await import("../../support/github/scenario.js");
    await receive("issue_comment", commentPayload(double, { number: 7, body: "/devportal retry" }));
    double.assertClean();
    expect(gitops()?.git.read("main")["apps/orders-api/kustomization.yaml"]).toContain(
      run.head_sha,
    );
    // The status comment (edited, no second status) and the page of the platform team when
    // the repository was missing; the `/devportal retry` comment is the requester's.
    const fromApp = issue()?.comments.filter((comment) => comment.user.type === "Bot") ?? [];
    expect(fromApp).toHaveLength(2);
    expect(fromApp[0]?.body).toContain("✅ **GitOps commit**");
    expect(fromApp[1]?.body).toContain("needs the platform team");
  });
});

import { describe, expect, it } from "vitest";
import { decodeStatusMarker } from "../../../src/services/state-in-github.js";
import { renderStatusComment } from "../../../src/services/status/render-status-comment.js";
import { withStep } from "../../../src/services/status/status-report.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { ORG, REQUESTS } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { changedPaths, deployedService, liveService, pushChange } from "./deployed-service.js";

let double: GitHubDouble;
let receive: ReturnType<typeof createTestProbot>["receive"];
useGitHubDouble((started) => {
  double = started;
  receive = createTestProbot().receive;
});

const KUSTOMIZATION = "apps/orders-api/kustomization.yaml";
const gitopsHistory = () => double.state.repo(ORG, "gitops")?.git.history("main") ?? [];
const deployedTag = () =>
  /newTag: "([0-9a-f]{40})"/.exec(
    double.state.repo(ORG, "gitops")?.git.read("main")[KUSTOMIZATION] ?? "",
  )?.[1];
const status = () => double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0]?.body ?? "";
/** Writes to repositories (installation token requests are auth, not writes). */
const appWrites = () =>
  double.writes().filter((call) => !call.operationId.startsWith("apps/")).length;
const completed = (run: ReturnType<typeof startRun>) =>
  workflowRunPayload(double, { repo: "orders-api", run, action: "completed" });

describe("later green builds", () => {
  it("move the tag forward in exactly one commit that touches only the kustomization", async () => {
    const first = await deployedService(double, receive);
    const head = pushChange(double, "orders/views.py", "# changed by the team\n");
    const second = startRun(double, { repo: "orders-api" });
    finish(second, "success");
    const deployedAt = gitopsHistory()[0]?.sha ?? "";

    const before = double.calls.length;
    await receive("workflow_run", completed(second));
    double.assertClean();
    const calls = double.callsSince(before);
    // Measured: 5 writes (the commit's three, the Deployment Argo CD reports on, and the
    // status comment); the record is believed both ways first (control plane settings, the
    // request's status), and the kustomization read once at Repository_B's head.
    expect(calls.map((call) => call.operationId)).toEqual([
      "repos/get-content", // .devportal/request.yml at the built commit
      "repos/get-content", // the control plane's settings
      "issues/list-comments", // the request's status
      "repos/get", // Repository_B's default branch
      "git/get-ref", // its head
      "repos/get-content", // apps/orders-api/kustomization.yaml at the head
      "repos/compare-commits-with-basehead", // the build is newer than the deployed tag
      "git/get-tree", // the head's files, for the diff
      "git/create-tree",
      "git/create-commit",
      "git/update-ref",
      "repos/list-deployments",
      "repos/create-deployment",
      "issues/list-comments", // read again after the commit's seconds of writes
      "issues/get",
      "issues/update-comment",
    ]);
    expect(calls.filter((call) => call.method !== "GET").map((call) => call.operationId)).toEqual([
      "git/create-tree",
      "git/create-commit",
      "git/update-ref",
      "repos/create-deployment",
      "issues/update-comment",
    ]);

    const history = gitopsHistory();
    expect(history).toHaveLength(3);
    expect(history[1]?.sha).toBe(deployedAt);
    expect(changedPaths(double, "gitops", deployedAt, history[0]?.sha ?? "")).toEqual([
      KUSTOMIZATION,
    ]);
    expect(history[0]?.message.split("\n")[0]).toBe(
      `orders-api: deploy ${head.slice(0, 7)} (run #2)`,
    );
    expect(history[0]?.message).toContain(`/actions/runs/${second.id}`);
    expect(deployedTag()).toBe(head);
    expect(head).not.toBe(first.head_sha);
    expect(status()).toContain(
      `✅ **GitOps commit**: ${head.slice(0, 7)} committed \\(was ${first.head_sha.slice(0, 7)}\\)`,
    );
  });

  it("never move backwards: an old run finishing late, or a re-run of an old SHA, commits nothing", async () => {
    const first = await deployedService(double, receive);
    pushChange(double, "orders/views.py", "# v2\n");
    const older = startRun(double, { repo: "orders-api" });
    const head = pushChange(double, "orders/views.py", "# v3\n");
    const newer = startRun(double, { repo: "orders-api" });
    finish(newer, "success");
    await receive("workflow_run", completed(newer));
    expect(deployedTag()).toBe(head);
    const commits = gitopsHistory().length;
    const writes = appWrites();

    finish(older, "success");
    await receive("workflow_run", completed(older));
    first.run_attempt = 2;
    await receive("workflow_run", completed(first));
    double.assertClean();

    expect(gitopsHistory()).toHaveLength(commits);
    expect(deployedTag()).toBe(head);
    // The ancestry check said "behind" for both, and nothing else was written either.
    expect(double.count("repos/compare-commits-with-basehead")).toBe(3);
    expect(appWrites()).toBe(writes);
  });

  it("leave a live service's closed request alone while they run: three reads, none of Repository_B", async () => {
    await liveService(double, receive);
    const issue = () => double.state.repo(ORG, REQUESTS)?.issues.get(7);
    expect(issue()?.state).toBe("closed");
    const said = status();
    pushChange(double, "orders/views.py", "# v2\n");
    const second = startRun(double, { repo: "orders-api" });

    const before = double.calls.length;
    for (const action of ["requested", "in_progress"] as const) {
      await receive(
        "workflow_run",
        workflowRunPayload(double, { repo: "orders-api", run: second, action }),
      );
    }
    double.assertClean();
    const calls = double.callsSince(before);
    // Queued (`requested`) asks nothing; running, the request's own status says the service
    // is deployed: nothing else is asked.
    expect(calls.map((call) => call.operationId)).toEqual([
      "repos/get-content",
      "repos/get-content",
      "issues/list-comments",
    ]);
    expect(calls.some((call) => call.path.startsWith("/repos/acme/gitops"))).toBe(false);
    expect(status()).toBe(said);
    expect(issue()?.state).toBe("closed");
  });

  it("keep what another job wrote on the status while they committed: it is read again after the commit", async () => {
    await deployedService(double, receive);
    pushChange(double, "orders/views.py", "# v2\n");
    const second = startRun(double, { repo: "orders-api" });
    finish(second, "success");
    // A job under another key reports while the commit lands: the request edited, its
    // models changed, which the `code` step tells (withRequestChange).
    const code = { state: "done" as const, note: "the models changed: written meanwhile" };
    double.onCall = (call) => {
      if (call.operationId !== "git/update-ref" || call.status !== 200) return;
      const comment = double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0];
      const saved = comment ? decodeStatusMarker(comment.body) : undefined;
      if (!comment || !saved) throw new Error("no status comment");
      comment.body = renderStatusComment(withStep(saved, "code", code));
    };
    await receive("workflow_run", completed(second));
    double.onCall = undefined;
    double.assertClean();
    expect(deployedTag()).toBe(second.head_sha);
    const report = decodeStatusMarker(status());
    expect(report?.steps.deployed.note).toMatch(/committed \(was [0-9a-f]{7}\)/);
    expect(report?.steps.code).toEqual(code);
  });

  it("do nothing twice on redelivery (same delivery id, or a new one)", async () => {
    await deployedService(double, receive);
    pushChange(double, "orders/views.py", "# v2\n");
    const second = startRun(double, { repo: "orders-api" });
    finish(second, "success");
    await receive("workflow_run", completed(second), "delivery-2");
    const commits = gitopsHistory().length;
    const writes = appWrites();

    await receive("workflow_run", completed(second), "delivery-2");
    await receive("workflow_run", completed(second), "delivery-2-again");
    double.assertClean();

    expect(gitopsHistory()).toHaveLength(commits);
    expect(double.writes().filter((call) => !call.operationId.startsWith("apps/"))).toHaveLength(
      writes,
    );
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments).toHaveLength(1);
  });

  it("refuse to deploy over rewritten history, and say so", async () => {
    const first = await deployedService(double, receive);
    const repo = double.state.repo(ORG, "orders-api");
    if (!repo) throw new Error("no orders-api");
    // A force push: a new commit whose parent is the deployed commit's parent.
    const parent = repo.git.commits.get(first.head_sha)?.parents[0] ?? "";
    const tree = repo.git.commits.get(first.head_sha)?.tree ?? "";
    const rewritten = repo.git.putCommit({ tree, parents: [parent], message: "Rewritten" });
    repo.git.refs.set("heads/main", rewritten);
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    const commits = gitopsHistory().length;

    await receive("workflow_run", completed(run));
    double.assertClean();

    expect(gitopsHistory()).toHaveLength(commits);
    expect(deployedTag()).toBe(first.head_sha);
    expect(status()).toContain("❌ **GitOps commit**: build \\#2 not deployed");
    expect(status()).toContain("have diverged");
  });
});

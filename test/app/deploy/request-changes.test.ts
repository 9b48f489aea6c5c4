import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { moveTo, recordedPayload } from "../../support/github/payloads.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import {
  ORG,
  REQUEST_FILE,
  REQUESTS,
  SETTINGS,
  setSettings,
} from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { kustomizeBuild } from "../../support/k8s/kustomize-build.js";
import { validateObject } from "../../support/k8s/validate-object.js";
import { changedPaths } from "./deployed-service.js";

const PATH = "services/orders-api.devportal.yml";

let double: GitHubDouble;
let receive: ReturnType<typeof createTestProbot>["receive"];
useGitHubDouble((started) => {
  double = started;
  receive = createTestProbot().receive;
});

/** Commit the request file to the request repository and deliver GitHub's recorded push. */
async function pushRequest(text: string, change: "added" | "modified"): Promise<void> {
  const requests = double.state.repo(ORG, REQUESTS);
  if (!requests) throw new Error("no request repository");
  const sha = double.state.commitFiles(requests, { [PATH]: text }, `Request ${change}`);
  await receive(
    "push",
    recordedPayload("push", undefined, (payload) => {
      moveTo(payload, { owner: ORG, repo: REQUESTS, sender: "octocat" });
      payload.ref = "refs/heads/main";
      payload.after = sha;
      payload.deleted = false;
      payload.commits = [
        {
          id: sha,
          added: change === "added" ? [PATH] : [],
          modified: change === "modified" ? [PATH] : [],
          removed: [],
        },
      ];
    }),
  );
}

const gitops = () => double.state.repo(ORG, "gitops");
const requestIssue = () =>
  [...(double.state.repo(ORG, REQUESTS)?.issues.values() ?? [])].find(
    (issue) => issue.user.type === "Bot",
  );

async function deployFromFile(): Promise<string> {
  await pushRequest(REQUEST_FILE, "added");
  const run = startRun(double, { repo: "orders-api" });
  finish(run, "success");
  await receive(
    "workflow_run",
    workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
  );
  expect(gitops()?.git.history("main")).toHaveLength(2);
  return run.head_sha;
}

describe("a changed request of a deployed service", () => {
  it("re-renders apps/<service>/ in one commit when deploy changes, keeping the image tag", async () => {
    const tag = await deployFromFile();
    const before = gitops()?.git.history("main")[0]?.sha ?? "";
    const changed = REQUEST_FILE.replace(
      "host: orders.example.com",
      "host: orders.apps.acme.dev",
    ).replace("storage: 1Gi", "storage: 5Gi");
    expect(changed).not.toBe(REQUEST_FILE);

    await pushRequest(changed, "modified");
    double.assertClean();

    const history = gitops()?.git.history("main") ?? [];
    expect(history).toHaveLength(3);
    expect(history[0]?.message.split("\n")[0]).toBe(
      "orders-api: apply deploy changes (host, storage)",
    );
    expect(changedPaths(double, "gitops", before, history[0]?.sha ?? "")).toEqual([
      "README.md",
      "apps/orders-api/README.md",
      "apps/orders-api/base/deployment.yaml",
      "apps/orders-api/ingress.yaml",
      "apps/orders-api/pvc.yaml",
    ]);
    const tree = gitops()?.git.read("main") ?? {};
    expect(tree["apps/orders-api/kustomization.yaml"]).toContain(`newTag: "${tag}"`);
    for (const object of kustomizeBuild(tree, "apps/orders-api")) validateObject(object);
    expect(tree["apps/orders-api/ingress.yaml"]).toContain('"orders.apps.acme.dev"');
    expect(requestIssue()?.comments[0]?.body).toContain(
      "✅ **Deployed**: deploy changes applied \\(host\\, storage\\)",
    );
    // Repository_A was not touched: only the GitOps repository changed.
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
  });

  it("after the platform team changes the registry, a deploy change keeps the image that was pushed", async () => {
    const tag = await deployFromFile();
    // Another registry: its credentials come from organisation Actions secrets (neither listed).
    const settings = SETTINGS.replace("registry: ghcr.io", "registry: registry.acme.dev").replace(
      /secrets:[\s\S]*$/,
      "",
    );
    expect(settings).not.toBe(SETTINGS);
    setSettings(double, settings);

    await pushRequest(REQUEST_FILE.replace("storage: 1Gi", "storage: 5Gi"), "modified");
    double.assertClean();

    // Nothing rewritten to an image the workflow never pushed: the commit is refused.
    expect(gitops()?.git.history("main")).toHaveLength(2);
    const kustomization = gitops()?.git.read("main")["apps/orders-api/kustomization.yaml"] ?? "";
    expect(kustomization).toContain("ghcr.io/acme/orders-api");
    expect(kustomization).not.toContain("registry.acme.dev");
    expect(kustomization).toContain(`newTag: "${tag}"`);
    const status = (requestIssue()?.comments[0]?.body ?? "").replace(/\\(.)/g, "$1");
    expect(status).toContain("deploy changes not applied: the settings now resolve to");
    expect(status).toContain("registry.acme.dev/acme/orders-api");
  });

  it("does not regenerate code for changed models, and says so", async () => {
    await deployFromFile();
    const changed = REQUEST_FILE.replace(
      "quantity: { type: integer, min: 1 }",
      "quantity: { type: integer, min: 2 }",
    );
    expect(changed).not.toBe(REQUEST_FILE);

    await pushRequest(changed, "modified");
    double.assertClean();

    expect(gitops()?.git.history("main")).toHaveLength(2);
    expect(double.state.repo(ORG, "orders-api")?.git.history("main")).toHaveLength(2);
    expect(requestIssue()?.comments[0]?.body).toContain(
      "an existing service\\'s code is never regenerated",
    );
  });
});

import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { ORG } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { kustomizeBuild, parseObjects } from "../../support/k8s/kustomize-build.js";
import { validateObject } from "../../support/k8s/validate-object.js";
import { deployedService, pushChange } from "./deployed-service.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

/** The real checks of the generated output, run on what the GitOps double holds. */
function checkGitops(): string[] {
  const tree = double.state.repo(ORG, "gitops")?.git.read("main") ?? {};
  const objects = kustomizeBuild(tree, "apps/orders-api");
  for (const object of objects) validateObject(object);
  const applicationSets = parseObjects(tree["k8s/applicationset.yaml"] ?? "");
  for (const object of applicationSets) validateObject(object);
  expect(applicationSets.map((object) => object.kind)).toEqual(["ApplicationSet"]);
  const deployment = objects.find((object) => object.kind === "Deployment") as
    | { spec: { template: { spec: { containers: { image: string }[] } } } }
    | undefined;
  return deployment?.spec.template.spec.containers.map((container) => container.image) ?? [];
}

describe("apps/orders-api/ as pushed to the GitOps repository", () => {
  it("builds with kubectl kustomize and passes the Kubernetes and Argo CD schemas, before and after a bump", async () => {
    const { receive } = createTestProbot();
    const first = await deployedService(double, receive);
    expect(checkGitops()).toEqual([`ghcr.io/acme/orders-api:${first.head_sha}`]);

    const head = pushChange(double, "orders/views.py", "# v2\n");
    const second = startRun(double, { repo: "orders-api" });
    finish(second, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run: second, action: "completed" }),
    );
    double.assertClean();
    expect(checkGitops()).toEqual([`ghcr.io/acme/orders-api:${head}`]);
  });
});

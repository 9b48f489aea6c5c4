import { ApplicationSet } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet";
import { describe, expect, it } from "vitest";
import { setKustomizationTag } from "../../../src/render/repository-b/set-kustomization-tag.js";
import { kustomizeBuild, parseObjects } from "../../support/k8s/kustomize-build.js";
import { renderVariants, SHA_TAG } from "../../support/k8s/render-variants.js";

const NEXT_TAG = "9d4a7c1b2e3f40516273849506a7b8c9d0e1f2a3";

describe.each(renderVariants())("k8s/applicationset.yaml of $name", ({ rendered }) => {
  const { settings, target } = rendered.context;
  const text = rendered.repositoryB["k8s/applicationset.yaml"] as string;

  it("is a schema-valid ApplicationSet in Argo CD's namespace", () => {
    const [object, ...rest] = parseObjects(text);
    expect(rest).toEqual([]);
    expect(() => new ApplicationSet(object as never).validate()).not.toThrow();
    expect(object?.metadata.namespace).toBe(settings.argocd.namespace);
  });

  it("generates one Application per apps/* directory of the GitOps repository", () => {
    const { spec } = parseObjects(text)[0] as unknown as { spec: ApplicationSetSpec };
    const repoURL = `https://github.com/${target.gitops.fullName}.git`;
    expect(spec.goTemplate).toBe(true);
    expect(spec.goTemplateOptions).toEqual(["missingkey=error"]);
    expect(spec.generators).toEqual([
      { git: { repoURL, revision: "HEAD", directories: [{ path: "apps/*" }] } },
    ]);
    expect(spec.template.metadata.name).toBe("{{.path.basename}}");
    expect(spec.template.spec).toEqual({
      project: settings.argocd.project,
      source: { repoURL, targetRevision: "HEAD", path: "{{.path.path}}" },
      destination: { server: "https://kubernetes.default.svc", namespace: "{{.path.basename}}" },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ["CreateNamespace=true"],
      },
    });
    expect(text).toMatch(/polls .* every 3 minutes unless its webhook is configured/s);
  });

  it("names the Application and namespace after the directory the service writes", () => {
    // What the git generator gives {{.path.basename}} for this service's directory.
    const basename = target.gitopsPath.split("/").at(-1);
    expect(target.gitopsPath).toMatch(/^apps\/[^/]+$/);
    expect(basename).toBe(target.namespace);
    expect(
      Object.keys(rendered.repositoryB).every(
        (path) => path.startsWith(`${target.gitopsPath}/`) || path.startsWith("k8s/"),
      ),
    ).toBe(true);
  });
});

describe.each(renderVariants())("a tag bump of $name", ({ rendered }) => {
  const { target } = rendered.context;
  const path = `${target.gitopsPath}/kustomization.yaml`;
  const before = rendered.repositoryB[path] as string;
  const after = setKustomizationTag(before, { image: target.image, tag: NEXT_TAG });

  it("is a one-line change", () => {
    const a = before.split("\n");
    const b = after.split("\n");
    expect(b).toHaveLength(a.length);
    const changed = a.filter((line, index) => line !== b[index]);
    expect(changed).toEqual([`    newTag: "${SHA_TAG}"`]);
  });

  it("deploys the new tag", () => {
    const objects = kustomizeBuild({ ...rendered.repositoryB, [path]: after }, target.gitopsPath);
    const deployment = objects.find((object) => object.kind === "Deployment") as unknown as {
      spec: {
        template: {
          spec: { containers: { image: string }[]; initContainers: { image: string }[] };
        };
      };
    };
    const pod = deployment.spec.template.spec;
    expect([...pod.initContainers, ...pod.containers].map((c) => c.image)).toEqual([
      `${target.image}:${NEXT_TAG}`,
      `${target.image}:${NEXT_TAG}`,
    ]);
  });
});

type ApplicationSetSpec = {
  goTemplate: boolean;
  goTemplateOptions: string[];
  generators: unknown[];
  template: { metadata: { name: string }; spec: unknown };
};

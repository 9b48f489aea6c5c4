import { ApplicationSet } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet";
import { describe, expect, it } from "vitest";
import { setKustomizationTag } from "../../../src/render/repository-b/set-kustomization-tag.js";
import { type K8sObject, kustomizeBuild, parseObjects } from "../../support/k8s/kustomize-build.js";
import { renderVariants, SHA_TAG } from "../../support/k8s/render-variants.js";
import { validateObject } from "../../support/k8s/validate-object.js";

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

  it("generates one Application per service and per later environment, guarded and retried", () => {
    const { spec } = parseObjects(text)[0] as unknown as { spec: ApplicationSetSpec };
    const repoURL = `https://github.com/${target.gitops.fullName}.git`;
    expect(spec.goTemplate).toBe(true);
    expect(spec.goTemplateOptions).toEqual(["missingkey=error"]);
    // Deleting a directory or the ApplicationSet never cascades into namespaces and data.
    expect(spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true });
    expect(spec.generators).toEqual([
      {
        git: {
          repoURL,
          revision: "HEAD",
          directories: [{ path: "apps/*" }, { path: "apps/*/overlays/*" }],
        },
      },
    ]);
    expect(spec.template.spec).toEqual({
      project: settings.argocd.project,
      source: { repoURL, targetRevision: "HEAD", path: "{{ .path.path }}" },
      destination: { server: "https://kubernetes.default.svc", namespace: NAME_TEMPLATE },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ["CreateNamespace=true"],
        retry: { limit: 5, backoff: { duration: "10s", factor: 2, maxDuration: "3m" } },
      },
    });
    expect(text).toMatch(/polls .* every 3 minutes unless its webhook is configured/s);
  });

  it("names production after the service and other environments apart", () => {
    const { spec } = parseObjects(text)[0] as unknown as { spec: ApplicationSetSpec };
    expect(spec.template.metadata.name).toBe(NAME_TEMPLATE);
    // Go's text/template, evaluated by hand for the segments the git generator gives.
    const name = (path: string) => {
      const segments = path.split("/");
      return `${segments[1]}${segments.length > 2 ? `-${segments.at(-1)}` : ""}`;
    };
    // Production keeps the name and namespace the service had before environments existed.
    expect(name(target.productionPath)).toBe(target.namespace);
    expect(name(`${target.productionPath}/overlays/staging`)).toBe(`${target.namespace}-staging`);
    expect(
      Object.keys(rendered.repositoryB).every(
        (path) => path.startsWith(`${target.gitopsPath}/`) || path.startsWith("k8s/"),
      ),
    ).toBe(true);
  });

  it("takes a second environment beside production without moving a file", () => {
    const staging = `${target.productionPath}/overlays/staging`;
    const tree = {
      ...rendered.repositoryB,
      [`${staging}/kustomization.yaml`]: [
        "apiVersion: kustomize.config.k8s.io/v1beta1",
        "kind: Kustomization",
        `namespace: ${target.namespace}-staging`,
        "resources:",
        "  - ../../base",
        "images:",
        `  - name: ${target.image}`,
        `    newTag: ${NEXT_TAG}`,
        "",
      ].join("\n"),
    };
    const stagingObjects = kustomizeBuild(tree, staging);
    expect(stagingObjects.map((o) => o.kind)).toContain("Deployment");
    for (const object of stagingObjects)
      expect(object.metadata.namespace).toBe(`${target.namespace}-staging`);
    // Production builds exactly as before: the new directory is not part of it.
    expect(kustomizeBuild(tree, target.productionPath)).toEqual(
      kustomizeBuild(rendered.repositoryB, target.productionPath),
    );
  });

  it("deploys into a generated AppProject limited to the GitOps repository", () => {
    const project = rendered.repositoryB["k8s/appproject.yaml"] as string;
    const [object] = parseObjects(project);
    validateObject(object as K8sObject);
    const spec = (object as unknown as { spec: AppProjectSpec }).spec;
    expect(object?.metadata).toEqual({
      name: settings.argocd.project,
      namespace: settings.argocd.namespace,
    });
    expect(spec.sourceRepos).toEqual([`https://github.com/${target.gitops.fullName}.git`]);
    const denied = spec.destinations.map((d) => d.namespace).filter((n) => n.startsWith("!"));
    expect(denied).toEqual(expect.arrayContaining(["!kube-system", "!default"]));
    expect(denied.includes(`!${settings.argocd.namespace}`)).toBe(!settings.image_updater);
    expect(spec.destinations.every((d) => d.server === "https://kubernetes.default.svc")).toBe(
      true,
    );
    expect(spec.clusterResourceWhitelist).toEqual([{ group: "", kind: "Namespace" }]);
    // Every kind the overlay builds is allowed by the project.
    const allowed = new Set(spec.namespaceResourceWhitelist.map((k) => `${k.group}/${k.kind}`));
    for (const built of kustomizeBuild(rendered.repositoryB, target.productionPath)) {
      if (built.kind === "Namespace") continue;
      const group = built.apiVersion.includes("/") ? built.apiVersion.split("/")[0] : "";
      expect(allowed.has(`${group}/${built.kind}`), built.kind).toBe(true);
    }
  });
});

it("the schema validators are real: they refuse broken objects of the new kinds", () => {
  const broken: K8sObject[] = [
    {
      apiVersion: "external-secrets.io/v1",
      kind: "ExternalSecret",
      metadata: { name: "x" },
      spec: { secretStoreRef: { name: "vault", kind: "Vault" } },
    },
    {
      apiVersion: "bitnami.com/v1alpha1",
      kind: "SealedSecret",
      metadata: { name: "x" },
      spec: { template: {} },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "x" },
      spec: { policyTypes: "Ingress" },
    },
  ];
  for (const object of broken) expect(() => validateObject(object), object.kind).toThrow();
});

describe.each(renderVariants())("a tag bump of $name", ({ rendered }) => {
  const { target } = rendered.context;
  const path = target.tagFile;
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
    const objects = kustomizeBuild(
      { ...rendered.repositoryB, [path]: after },
      target.productionPath,
    );
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

const NAME_TEMPLATE =
  "{{ index .path.segments 1 }}{{ if gt (len .path.segments) 2 }}-{{ .path.basename }}{{ end }}";

type AppProjectSpec = {
  sourceRepos: string[];
  destinations: { server: string; namespace: string }[];
  clusterResourceWhitelist: { group: string; kind: string }[];
  namespaceResourceWhitelist: { group: string; kind: string }[];
};

type ApplicationSetSpec = {
  syncPolicy: unknown;
  goTemplate: boolean;
  goTemplateOptions: string[];
  generators: unknown[];
  template: { metadata: { name: string }; spec: unknown };
};

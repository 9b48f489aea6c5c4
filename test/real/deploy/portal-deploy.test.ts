import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileTree } from "../../../src/render/file-tree.js";
import { renderPortalApp } from "../../../src/render/portal/render-portal-app.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { type K8sObject, kustomizeBuild } from "../../support/k8s/kustomize-build.js";
import type { Container, DeploymentSpec } from "../../support/k8s/manifest-types.js";
import { SHA_TAG } from "../../support/k8s/render-variants.js";
import { validatePortalObject } from "../../support/k8s/validate-portal-object.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const BASE = join(ROOT, "deploy", "base");

/** deploy/base as it is on disk, built by the real kubectl kustomize. */
function buildBase(): K8sObject[] {
  const tree: FileTree = {};
  for (const name of readdirSync(BASE))
    tree[`deploy/base/${name}`] = readFileSync(join(BASE, name), "utf8");
  return kustomizeBuild(tree, "deploy/base");
}

function find(objects: K8sObject[], kind: string, name: string): K8sObject & { spec: never } {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found as K8sObject & { spec: never };
}

type Selector = { matchLabels: Record<string, string> };
const selects = (selector: Selector, labels: Record<string, string>) =>
  Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value);

describe("deploy/base", () => {
  const objects = buildBase();

  it("builds with kubectl kustomize and every object validates against its schema", () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      "Deployment/devportal",
      "Deployment/devportal-redis",
      "Ingress/devportal",
      "Namespace/devportal",
      "NetworkPolicy/devportal",
      "NetworkPolicy/devportal-redis",
      "PodDisruptionBudget/devportal",
      "Service/devportal",
      "Service/devportal-redis",
      "ServiceAccount/devportal",
    ]);
    for (const object of objects) validatePortalObject(object);
    for (const object of objects.filter((o) => o.kind !== "Namespace"))
      expect(object.metadata.namespace, object.metadata.name).toBe("devportal");
  });

  it("the schema check can fail: a value of the wrong type is refused", () => {
    const deployment = structuredClone(find(objects, "Deployment", "devportal")) as K8sObject;
    (deployment.spec as { replicas: unknown }).replicas = "two";
    expect(() => validatePortalObject(deployment)).toThrow(/Deployment devportal/);
  });

  it("runs two replicas, restricted, read-only, probed on /healthz and /readyz", () => {
    const spec = find(objects, "Deployment", "devportal").spec as DeploymentSpec & {
      template: { spec: { topologySpreadConstraints: { labelSelector: Selector }[] } };
    };
    expect(spec.replicas).toBe(2);
    const pod = spec.template.spec;
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: "RuntimeDefault" },
    });
    const [container] = pod.containers as [Container];
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(container.readinessProbe?.httpGet.path).toBe("/readyz");
    expect(container.livenessProbe?.httpGet.path).toBe("/healthz");
    expect(container.resources.requests).toMatchObject({ cpu: "100m", memory: "256Mi" });
    expect(container.resources.limits.memory).toBe("512Mi");
    const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0", LOG_FORMAT: "json" });
    expect(container.envFrom).toEqual([{ secretRef: { name: "devportal-env", optional: false } }]);
    const labels = spec.template.metadata.labels;
    for (const constraint of pod.topologySpreadConstraints)
      expect(selects(constraint.labelSelector, labels)).toBe(true);
    // The restricted profile the namespace enforces.
    expect(find(objects, "Namespace", "devportal").metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
    });
  });

  it("REDIS_URL names the Redis Service and its port", () => {
    const spec = find(objects, "Deployment", "devportal").spec as DeploymentSpec;
    const url = spec.template.spec.containers[0]?.env?.find((e) => e.name === "REDIS_URL")?.value;
    const redis = find(objects, "Service", "devportal-redis").spec as {
      ports: { port: number }[];
      selector: Record<string, string>;
    };
    expect(url).toBe(`redis://devportal-redis:${redis.ports[0]?.port}`);
    const redisPod = (find(objects, "Deployment", "devportal-redis").spec as DeploymentSpec)
      .template;
    expect(selects({ matchLabels: redis.selector }, redisPod.metadata.labels)).toBe(true);
    expect(redisPod.spec.containers[0]?.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
    });
  });

  it("the PDB, the Service and the NetworkPolicy select the portal's pods", () => {
    const labels = (find(objects, "Deployment", "devportal").spec as DeploymentSpec).template
      .metadata.labels;
    const pdb = find(objects, "PodDisruptionBudget", "devportal").spec as {
      minAvailable: number;
      selector: Selector;
    };
    expect(pdb.minAvailable).toBe(1);
    expect(selects(pdb.selector, labels)).toBe(true);
    const service = find(objects, "Service", "devportal").spec as {
      selector: Record<string, string>;
    };
    expect(selects({ matchLabels: service.selector }, labels)).toBe(true);
    const policy = find(objects, "NetworkPolicy", "devportal").spec as {
      podSelector: Selector;
      policyTypes: string[];
    };
    expect(selects(policy.podSelector, labels)).toBe(true);
    expect(policy.policyTypes).toEqual(["Ingress", "Egress"]);
    const redisPolicy = find(objects, "NetworkPolicy", "devportal-redis").spec as {
      ingress: { from: { podSelector: Selector }[] }[];
    };
    expect(selects(redisPolicy.ingress[0]?.from[0]?.podSelector as Selector, labels)).toBe(true);
  });

  it("exposes only the webhook path through the Ingress", () => {
    const spec = find(objects, "Ingress", "devportal").spec as {
      rules: {
        http: { paths: { path: string; pathType: string; backend: { service: unknown } }[] };
      }[];
    };
    const paths = spec.rules.flatMap((rule) => rule.http.paths);
    expect(paths).toEqual([
      {
        path: "/api/github/webhooks",
        pathType: "Exact",
        backend: { service: { name: "devportal", port: { name: "http" } } },
      },
    ]);
  });
});

describe("devportal portal-app: apps/devportal/ for the GitOps repository", () => {
  const settings = validateSettings({
    owner: "AcMe",
    request_repositories: ["requests"],
    domain: "apps.acme.dev",
    image_pull_secret: "ghcr-pull",
    ingress_class: "traefik",
  });
  if (!settings.ok) throw new Error("settings");
  const rendered = renderPortalApp({ settings: settings.value, owner: "AcMe", tag: SHA_TAG });
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));

  it("builds, validates, and names the organisation's image, tag, host and pull secret", () => {
    const objects = kustomizeBuild(rendered.value.files, "apps/devportal");
    for (const object of objects) validatePortalObject(object);
    const pod = (find(objects, "Deployment", "devportal").spec as DeploymentSpec).template.spec;
    expect(pod.containers[0]?.image).toBe(`ghcr.io/acme/devportal:${SHA_TAG}`);
    expect(pod.imagePullSecrets).toEqual([{ name: "ghcr-pull" }]);
    const ingress = find(objects, "Ingress", "devportal").spec as {
      ingressClassName: string;
      rules: { host: string }[];
      tls: { hosts: string[] }[];
    };
    expect(ingress.ingressClassName).toBe("traefik");
    expect(ingress.rules[0]?.host).toBe("devportal.apps.acme.dev");
    expect(ingress.tls[0]?.hosts).toEqual(["devportal.apps.acme.dev"]);
  });

  it("carries deploy/base unchanged", () => {
    for (const name of readdirSync(BASE))
      expect(rendered.value.files[`apps/devportal/base/${name}`]).toBe(
        readFileSync(join(BASE, name), "utf8"),
      );
  });

  it.each([
    [{ tag: "-bad" }, 'tag: "-bad" is not an image tag'],
    [{ host: "Not A Host" }, 'host: "Not A Host" is not a host name'],
    [{ owner: "-x" }, 'owner: "-x" is not a GitHub organisation login'],
  ])("refuses %j", (override, message) => {
    const result = renderPortalApp({
      settings: settings.value,
      owner: "AcMe",
      tag: SHA_TAG,
      ...override,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.path}: ${e.message}`).join("\n")).toContain(message);
  });
});

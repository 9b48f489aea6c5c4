import { describe, expect, it } from "vitest";
import {
  recommendedLabels,
  selectorLabels,
} from "../../../src/render/repository-b/recommended-labels.js";
import { type K8sObject, kustomizeBuild } from "../../support/k8s/kustomize-build.js";
import type {
  Container,
  DeploymentSpec,
  ImageUpdaterSpec,
  IngressSpec,
  PvcSpec,
  ServiceSpec,
} from "../../support/k8s/manifest-types.js";
import { renderVariants, SHA_TAG } from "../../support/k8s/render-variants.js";
import { validateObject } from "../../support/k8s/validate-object.js";

function only(objects: K8sObject[], kind: string): K8sObject {
  const found = objects.filter((object) => object.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as K8sObject;
}

type Annotated = K8sObject & { metadata: { annotations?: Record<string, string> } };

// `kubectl kustomize` is what Argo CD runs on the production overlay: build every example
// with every settings variant, check each object against the published schemas, then check
// the meaning (what a schema cannot say).
describe.each(renderVariants())("apps/<service> of $name", ({ rendered }) => {
  const { request, settings, target } = rendered.context;
  const service = request.service;
  const sqlite = request.deploy.database === "sqlite";
  const scaled = request.deploy.replicas > 1;
  const mode = settings.runtime_secret.mode;
  const objects = kustomizeBuild(rendered.repositoryB, target.productionPath);
  const deployment = only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec };
  const pod = deployment.spec.template.spec;
  const web = pod.containers[0] as Container;

  it("builds into schema-valid objects of the expected kinds", () => {
    for (const object of objects) validateObject(object);
    const kinds = objects.map((object) => object.kind).sort();
    const expected = ["Deployment", "Ingress", "Namespace", "NetworkPolicy", "Service"];
    if (sqlite) expected.push("PersistentVolumeClaim");
    if (scaled) expected.push("PodDisruptionBudget");
    if (settings.image_updater) expected.push("ImageUpdater");
    if (mode === "external-secrets") expected.push("ExternalSecret");
    if (mode === "sealed-secrets") expected.push("SealedSecret");
    expect(kinds).toEqual(expected.sort());
  });

  it("keeps the image tag in the production overlay, and only there", () => {
    expect(target.tagFile).toBe(`apps/${service}/kustomization.yaml`);
    const tagged = Object.entries(rendered.repositoryB).filter(([, text]) =>
      text.includes(SHA_TAG),
    );
    expect(tagged.map(([path]) => path)).toEqual([target.tagFile]);
  });

  it("puts everything in the service's namespace, the ImageUpdater in Argo CD's", () => {
    expect(only(objects, "Namespace").metadata.name).toBe(target.namespace);
    for (const object of objects.filter((o) => !["Namespace", "ImageUpdater"].includes(o.kind)))
      expect(object.metadata.namespace, object.kind).toBe(target.namespace);
    if (settings.image_updater)
      expect(only(objects, "ImageUpdater").metadata.namespace).toBe(settings.argocd.namespace);
  });

  it("enforces Pod Security restricted on the namespace, and never deletes it", () => {
    const namespace = only(objects, "Namespace") as Annotated;
    expect(namespace.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/enforce-version": "latest",
    });
    expect(namespace.metadata.annotations?.["argocd.argoproj.io/sync-options"]).toBe(
      "Delete=false,Prune=false",
    );
  });

  it("labels every object alike and selects on the stable subset only", () => {
    for (const object of objects) {
      expect(object.metadata.labels, object.kind).toMatchObject(recommendedLabels(service));
    }
    expect(deployment.spec.selector.matchLabels).toEqual(selectorLabels(service));
    expect(deployment.spec.template.metadata.labels).toEqual(recommendedLabels(service));
    const svc = only(objects, "Service") as K8sObject & { spec: ServiceSpec };
    expect(svc.spec.selector).toEqual(selectorLabels(service));
  });

  it("runs the tagged, lowercase image with locked migrations first", () => {
    const [migrate] = pod.initContainers;
    expect(target.image).toBe(target.image.toLowerCase());
    expect(web.image).toBe(`${target.image}:${SHA_TAG}`);
    expect(migrate?.image).toBe(web.image);
    expect(migrate?.command).toEqual(["python", "manage.py", "migrate_locked"]);
    expect(migrate?.env).toEqual(web.env);
    expect(migrate?.envFrom).toEqual(web.envFrom);
    expect(migrate?.volumeMounts).toEqual(web.volumeMounts);
    expect(deployment.spec.replicas).toBe(request.deploy.replicas);
  });

  it("probes start, readiness (the database) and liveness apart, as the kubelet sends them", () => {
    expect(web.ports).toEqual([
      { name: "http", containerPort: request.deploy.port, protocol: "TCP" },
    ]);
    expect(web.startupProbe?.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(web.readinessProbe?.httpGet).toEqual({ path: "/readyz", port: "http" });
    expect(web.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(web.readinessProbe).not.toEqual(web.livenessProbe);
  });

  it("drains before stopping, and spreads and budgets replicas when there are several", () => {
    expect(web.lifecycle?.preStop?.exec.command).toEqual(["sleep", "5"]);
    expect(pod.terminationGracePeriodSeconds).toBe(30);
    const pdbs = objects.filter((object) => object.kind === "PodDisruptionBudget");
    expect(pdbs.length > 0).toBe(scaled);
    if (scaled) {
      const pdb = pdbs[0] as K8sObject & { spec: Record<string, unknown> };
      expect(pdb.spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: selectorLabels(service) },
      });
      expect(pod.topologySpreadConstraints?.map((c) => c.topologyKey)).toEqual([
        "kubernetes.io/hostname",
        "topology.kubernetes.io/zone",
      ]);
      for (const constraint of pod.topologySpreadConstraints ?? [])
        expect(constraint.labelSelector.matchLabels).toEqual(selectorLabels(service));
    } else {
      expect(pod.topologySpreadConstraints).toBeUndefined();
    }
  });

  it("locks the pod down and gives it a writable /tmp", () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: "RuntimeDefault" },
    });
    for (const container of [...pod.initContainers, ...pod.containers]) {
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(container.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
      expect(container.resources).toEqual({
        requests: { cpu: settings.resources.cpu, memory: settings.resources.memory },
        limits: { cpu: settings.resources.cpu_limit, memory: settings.resources.memory_limit },
      });
    }
    expect(pod.volumes).toContainEqual({ name: "tmp", emptyDir: {} });
    expect(pod.imagePullSecrets).toEqual(
      settings.image_pull_secret ? [{ name: settings.image_pull_secret }] : undefined,
    );
  });

  it("takes configuration from the runtime Secret(s) and the environment, never from Git", () => {
    const secrets = [`${service}-env`];
    if (mode === "sealed-secrets" && !sqlite) secrets.push(`${service}-database`);
    expect(web.envFrom).toEqual(secrets.map((name) => ({ secretRef: { name } })));
    const env = Object.fromEntries((web.env ?? []).map(({ name, value }) => [name, value]));
    expect(env).toEqual({
      DJANGO_ALLOWED_HOSTS: target.host,
      DJANGO_DEBUG: "0",
      PORT: String(request.deploy.port),
      ...(settings.tls ? { DJANGO_HTTPS: "1" } : {}),
      ...(sqlite ? { DJANGO_DATA_DIR: "/app/data" } : {}),
    });
    expect(Object.keys(env)).not.toContain("DJANGO_SECRET_KEY");
  });

  it("produces the runtime Secret as the settings' mode says", () => {
    if (mode === "external-secrets") {
      const external = only(objects, "ExternalSecret") as K8sObject & {
        spec: Record<string, unknown>;
      };
      expect(external.metadata.name).toBe(`${service}-env`);
      expect(external.spec).toEqual({
        refreshInterval: "1h",
        secretStoreRef: {
          name: settings.runtime_secret.store?.name,
          kind: settings.runtime_secret.store?.kind,
        },
        target: { name: `${service}-env`, creationPolicy: "Owner", deletionPolicy: "Retain" },
        dataFrom: [{ extract: { key: `${settings.runtime_secret.key_prefix}${service}` } }],
      });
    }
    if (mode === "sealed-secrets") {
      const sealed = only(objects, "SealedSecret") as K8sObject & {
        spec: { encryptedData: Record<string, string>; template: unknown };
      };
      expect(sealed.metadata.name).toBe(`${service}-env`);
      expect(Object.keys(sealed.spec.encryptedData)).toEqual(["DJANGO_SECRET_KEY"]);
      expect(sealed.spec.template).toEqual({
        metadata: { name: `${service}-env`, namespace: target.namespace },
        type: "Opaque",
      });
    }
    const readme = rendered.repositoryB[`${target.gitopsPath}/README.md`] as string;
    if (mode === "manual") {
      expect(readme).toContain(
        `kubectl -n ${target.namespace} create secret generic ${service}-env`,
      );
    } else if (mode === "sealed-secrets" && !sqlite) {
      expect(readme).toContain(`create secret generic ${service}-database`);
    } else {
      expect(readme).not.toContain("create secret generic");
    }
  });

  it("keeps SQLite on a volume Argo CD never deletes, with Recreate; postgres rolls", () => {
    const pvcs = objects.filter((object) => object.kind === "PersistentVolumeClaim");
    expect(deployment.spec.strategy.type).toBe(sqlite ? "Recreate" : "RollingUpdate");
    expect(pvcs.length > 0).toBe(sqlite);
    if (sqlite) {
      const pvc = pvcs[0] as K8sObject & { spec: PvcSpec } & Annotated;
      expect(pvc.metadata.annotations?.["argocd.argoproj.io/sync-options"]).toBe(
        "Delete=false,Prune=false",
      );
      expect(pvc.spec.accessModes).toEqual(["ReadWriteOnce"]);
      expect(pvc.spec.resources.requests.storage).toBe(request.deploy.storage);
      expect(pod.volumes).toContainEqual({
        name: "data",
        persistentVolumeClaim: { claimName: pvc.metadata.name },
      });
      expect(web.volumeMounts).toContainEqual({ name: "data", mountPath: "/app/data" });
      expect(deployment.spec.replicas).toBe(1);
    } else {
      expect(web.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
    }
  });

  it("admits only the ingress controller, and lets out only DNS and the database", () => {
    const policy = only(objects, "NetworkPolicy") as K8sObject & {
      spec: { podSelector: unknown; policyTypes: string[]; ingress: unknown[]; egress: unknown[] };
    };
    expect(policy.spec.podSelector).toEqual({ matchLabels: selectorLabels(service) });
    expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { "kubernetes.io/metadata.name": settings.ingress_namespace },
            },
          },
        ],
        ports: [{ port: "http", protocol: "TCP" }],
      },
    ]);
    expect(policy.spec.egress).toHaveLength(sqlite ? 1 : 2);
    expect(JSON.stringify(policy.spec.egress[0])).toContain('"port":53');
    if (!sqlite)
      expect(policy.spec.egress[1]).toEqual({ ports: [{ port: 5432, protocol: "TCP" }] });
  });

  it("routes the host through the Ingress, with TLS exactly when the settings ask", () => {
    const svc = only(objects, "Service") as K8sObject & { spec: ServiceSpec };
    expect(svc.spec.ports).toEqual([
      { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
    ]);
    const ingress = only(objects, "Ingress") as K8sObject & { spec: IngressSpec } & Annotated;
    expect(ingress.spec.ingressClassName).toBe(settings.ingress_class);
    expect(ingress.spec.rules).toEqual([
      {
        host: target.host,
        http: {
          paths: [
            {
              path: "/",
              pathType: "Prefix",
              backend: { service: { name: svc.metadata.name, port: { name: "http" } } },
            },
          ],
        },
      },
    ]);
    const tls = settings.tls;
    expect(target.url).toBe(`${tls ? "https" : "http"}://${target.host}/`);
    expect(ingress.spec.tls).toEqual(
      tls ? [{ hosts: [target.host], secretName: tls.secret ?? `${service}-tls` }] : undefined,
    );
    expect(ingress.metadata.annotations?.["cert-manager.io/cluster-issuer"]).toBe(
      tls?.cluster_issuer,
    );
  });

  it("has an ImageUpdater writing the same images entry back, only when asked", () => {
    expect(`${target.productionPath}/image-updater.yaml` in rendered.repositoryB).toBe(
      settings.image_updater,
    );
    if (!settings.image_updater) return;
    const updater = only(objects, "ImageUpdater") as K8sObject & { spec: ImageUpdaterSpec };
    expect(updater.spec.namespace).toBe(settings.argocd.namespace);
    expect(updater.spec.writeBackConfig).toEqual({
      method: "git",
      gitConfig: { branch: "main", writeBackTarget: `kustomization:/${target.productionPath}` },
    });
    const [ref] = updater.spec.applicationRefs;
    // The production Application the ApplicationSet generates is named after the service.
    expect(ref?.namePattern).toBe(service);
    expect(ref?.images).toHaveLength(1);
    const image = ref?.images[0];
    expect(image?.imageName).toBe(target.image);
    expect(image?.manifestTargets).toEqual({ kustomize: { name: target.image } });
    expect(image?.commonUpdateSettings?.updateStrategy).toBe("newest-build");
    expect(new RegExp(image?.commonUpdateSettings?.allowTags.slice(7) ?? "$^").test(SHA_TAG)).toBe(
      true,
    );
    expect(new RegExp(image?.commonUpdateSettings?.allowTags.slice(7) ?? "").test("latest")).toBe(
      false,
    );
  });

  it("never carries the request's free text", () => {
    if (!request.description) return;
    for (const text of Object.values(rendered.repositoryB))
      expect(text.includes(request.description)).toBe(false);
  });
});

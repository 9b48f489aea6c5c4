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

// `kubectl kustomize` is what Argo CD runs on each directory: build every example with
// every settings variant, check each object against the published schemas, then check the
// meaning (what a schema cannot say).
describe.each(renderVariants())("apps/<service> of $name", ({ rendered }) => {
  const { request, settings, target } = rendered.context;
  const service = request.service;
  const sqlite = request.deploy.database === "sqlite";
  const objects = kustomizeBuild(rendered.repositoryB, target.gitopsPath);

  it("builds into schema-valid objects of the expected kinds", () => {
    for (const object of objects) validateObject(object);
    const kinds = objects.map((object) => object.kind).sort();
    const expected = ["Deployment", "Ingress", "Namespace", "Service"];
    if (sqlite) expected.push("PersistentVolumeClaim");
    if (settings.image_updater) expected.push("ImageUpdater");
    expect(kinds).toEqual(expected.sort());
  });

  it("puts everything in the service's namespace, the ImageUpdater in Argo CD's", () => {
    expect(only(objects, "Namespace").metadata.name).toBe(target.namespace);
    for (const object of objects.filter((o) => !["Namespace", "ImageUpdater"].includes(o.kind)))
      expect(object.metadata.namespace, object.kind).toBe(target.namespace);
    if (settings.image_updater)
      expect(only(objects, "ImageUpdater").metadata.namespace).toBe(settings.argocd.namespace);
  });

  it("labels every object alike and selects on the stable subset only", () => {
    for (const object of objects)
      expect(object.metadata.labels, object.kind).toEqual(recommendedLabels(service));
    const deployment = only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec };
    expect(deployment.spec.selector.matchLabels).toEqual(selectorLabels(service));
    expect(deployment.spec.template.metadata.labels).toEqual(recommendedLabels(service));
    const svc = only(objects, "Service") as K8sObject & { spec: ServiceSpec };
    expect(svc.spec.selector).toEqual(selectorLabels(service));
  });

  it("runs the tagged, lowercase image with migrations first", () => {
    const { spec } = only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec };
    const [web] = spec.template.spec.containers;
    const [migrate] = spec.template.spec.initContainers;
    expect(target.image).toBe(target.image.toLowerCase());
    expect(web?.image).toBe(`${target.image}:${SHA_TAG}`);
    expect(migrate?.image).toBe(web?.image);
    expect(migrate?.command).toEqual(["python", "manage.py", "migrate", "--noinput"]);
    expect(migrate?.env).toEqual(web?.env);
    expect(migrate?.envFrom).toEqual(web?.envFrom);
    expect(migrate?.volumeMounts).toEqual(web?.volumeMounts);
    expect(spec.replicas).toBe(request.deploy.replicas);
  });

  it("probes /healthz on the named port with the public Host", () => {
    const { spec } = only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec };
    const web = spec.template.spec.containers[0] as Container;
    expect(web.ports).toEqual([
      { name: "http", containerPort: request.deploy.port, protocol: "TCP" },
    ]);
    for (const probe of [web.readinessProbe, web.livenessProbe]) {
      expect(probe?.httpGet.path).toBe("/healthz");
      expect(probe?.httpGet.port).toBe("http");
      expect(probe?.httpGet.httpHeaders).toEqual([{ name: "Host", value: target.host }]);
    }
  });

  it("locks the pod down and gives it a writable /tmp", () => {
    const pod = (only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec }).spec.template
      .spec;
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

  it("takes configuration from the <service>-env Secret and the host, never from Git", () => {
    const web = (only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec }).spec.template
      .spec.containers[0] as Container;
    expect(web.envFrom).toEqual([{ secretRef: { name: `${service}-env`, optional: sqlite } }]);
    const env = Object.fromEntries((web.env ?? []).map(({ name, value }) => [name, value]));
    expect(env).toEqual({
      DJANGO_ALLOWED_HOSTS: target.host,
      DJANGO_DEBUG: "0",
      ...(sqlite ? { DJANGO_DATA_DIR: "/app/data" } : {}),
    });
    expect(Object.keys(env)).not.toContain("DJANGO_SECRET_KEY");
  });

  it("gives SQLite a ReadWriteOnce volume and Recreate; postgres neither", () => {
    const { spec } = only(objects, "Deployment") as K8sObject & { spec: DeploymentSpec };
    const pvcs = objects.filter((object) => object.kind === "PersistentVolumeClaim");
    expect(spec.strategy.type).toBe(pvcs.length > 0 ? "Recreate" : "RollingUpdate");
    expect(pvcs.length > 0).toBe(sqlite);
    const web = spec.template.spec.containers[0] as Container;
    if (sqlite) {
      const pvc = pvcs[0] as K8sObject & { spec: PvcSpec };
      expect(pvc.spec.accessModes).toEqual(["ReadWriteOnce"]);
      expect(pvc.spec.resources.requests.storage).toBe(request.deploy.storage);
      expect(spec.template.spec.volumes).toContainEqual({
        name: "data",
        persistentVolumeClaim: { claimName: pvc.metadata.name },
      });
      expect(web.volumeMounts).toContainEqual({ name: "data", mountPath: "/app/data" });
      expect(spec.replicas).toBe(1);
    } else {
      expect(web.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
    }
  });

  it("routes the host through the Ingress class to the Service's http port", () => {
    const svc = only(objects, "Service") as K8sObject & { spec: ServiceSpec };
    expect(svc.spec.type).toBe("ClusterIP");
    expect(svc.spec.ports).toEqual([
      { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
    ]);
    const ingress = only(objects, "Ingress") as K8sObject & { spec: IngressSpec };
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
  });

  it("has an ImageUpdater writing the same images entry back, only when asked", () => {
    expect(`${target.gitopsPath}/image-updater.yaml` in rendered.repositoryB).toBe(
      settings.image_updater,
    );
    if (!settings.image_updater) return;
    const updater = only(objects, "ImageUpdater") as K8sObject & { spec: ImageUpdaterSpec };
    expect(updater.spec.namespace).toBe(settings.argocd.namespace);
    expect(updater.spec.writeBackConfig).toEqual({
      method: "git",
      gitConfig: { branch: "main", writeBackTarget: `kustomization:/${target.gitopsPath}` },
    });
    const [ref] = updater.spec.applicationRefs;
    // The Application the ApplicationSet generates is named after the directory.
    expect(ref?.namePattern).toBe(target.gitopsPath.split("/").at(-1));
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

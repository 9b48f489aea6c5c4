import type { K8sObject } from "../k8s/kustomize-build.js";

export interface ContainerSpec {
  name: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value: string }[];
  envFrom?: { secretRef: { name: string; optional?: boolean } }[];
  ports?: { name: string; containerPort: number }[];
  securityContext?: { readOnlyRootFilesystem?: boolean; runAsUser?: number; runAsGroup?: number };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  startupProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
}

export interface PodSpec {
  securityContext?: { runAsUser?: number; runAsGroup?: number; runAsNonRoot?: boolean };
  initContainers?: ContainerSpec[];
  containers: ContainerSpec[];
  volumes: { name: string; emptyDir?: object; persistentVolumeClaim?: { claimName: string } }[];
}

/** The one Deployment of a kustomize build: its replica count and pod template. */
export function deploymentOf(objects: readonly K8sObject[]): { replicas: number; pod: PodSpec } {
  const deployments = objects.filter((object) => object.kind === "Deployment");
  if (deployments.length !== 1)
    throw new Error(`expected one Deployment, got ${deployments.length}`);
  const spec = (
    deployments[0] as unknown as {
      spec: { replicas: number; template: { spec: PodSpec } };
    }
  ).spec;
  return { replicas: spec.replicas, pod: spec.template.spec };
}

/** The port a named container port resolves to. */
export function namedPort(container: ContainerSpec, name: string): number {
  const port = container.ports?.find((p) => p.name === name)?.containerPort;
  if (port === undefined) throw new Error(`${container.name} has no port named ${name}`);
  return port;
}

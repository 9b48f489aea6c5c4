/** The shapes of the built manifests that the gitops tests read. */
export type Container = {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value: string }[];
  envFrom?: { secretRef: { name: string; optional: boolean } }[];
  ports?: { name: string; containerPort: number }[];
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: Record<string, unknown>;
  volumeMounts: { name: string; mountPath: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec: { command: string[] } } };
};
export type Probe = {
  httpGet: { path: string; port: string; httpHeaders?: { name: string; value: string }[] };
};

export type DeploymentSpec = {
  replicas: number;
  strategy: { type: string };
  selector: { matchLabels: Record<string, string> };
  template: {
    metadata: { labels: Record<string, string> };
    spec: {
      automountServiceAccountToken?: boolean;
      terminationGracePeriodSeconds?: number;
      topologySpreadConstraints?: {
        maxSkew: number;
        topologyKey: string;
        whenUnsatisfiable: string;
        labelSelector: { matchLabels: Record<string, string> };
      }[];
      securityContext: Record<string, unknown>;
      imagePullSecrets?: { name: string }[];
      initContainers: Container[];
      containers: Container[];
      volumes: Record<string, unknown>[];
    };
  };
};
export type ServiceSpec = { type: string; selector: Record<string, string>; ports: unknown[] };
export type IngressSpec = {
  ingressClassName: string;
  rules: unknown[];
  tls?: { hosts: string[]; secretName: string }[];
};
export type PvcSpec = { accessModes: string[]; resources: { requests: { storage: string } } };
export type ImageUpdaterSpec = {
  namespace: string;
  writeBackConfig: unknown;
  applicationRefs: {
    namePattern: string;
    images: {
      imageName: string;
      manifestTargets: unknown;
      commonUpdateSettings?: { updateStrategy: string; allowTags: string };
    }[];
  }[];
};

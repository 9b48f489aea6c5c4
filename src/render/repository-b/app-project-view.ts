import type { PortalSettings } from "../../request/settings.schema.js";
import { yamlString } from "./yaml-string.js";

/** Namespaces no service may deploy into: the cluster's own, and Argo CD's unless an
 * ImageUpdater must live there. */
const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Every kind Dev Portal writes into a service's namespace. */
const KINDS: readonly { group: string; kind: string }[] = [
  { group: "", kind: "Service" },
  { group: "", kind: "PersistentVolumeClaim" },
  { group: "apps", kind: "Deployment" },
  { group: "networking.k8s.io", kind: "Ingress" },
  { group: "networking.k8s.io", kind: "NetworkPolicy" },
  { group: "policy", kind: "PodDisruptionBudget" },
  { group: "external-secrets.io", kind: "ExternalSecret" },
  { group: "bitnami.com", kind: "SealedSecret" },
  { group: "argocd-image-updater.argoproj.io", kind: "ImageUpdater" },
];

/** The view of k8s/appproject.yaml: deny-listed namespaces (Argo CD's `!` patterns) and
 * the namespaced kinds allowed. */
export function appProjectView(settings: PortalSettings) {
  const denied = [
    ...SYSTEM_NAMESPACES,
    ...(settings.image_updater ? [] : [settings.argocd.namespace]),
    settings.ingress_namespace,
  ];
  return {
    denied: [...new Set(denied)].map((namespace) => yamlString(`!${namespace}`)),
    kinds: KINDS.filter(
      (k) => settings.image_updater || k.group !== "argocd-image-updater.argoproj.io",
    ).map((k) => ({ group: yamlString(k.group), kind: yamlString(k.kind) })),
  };
}

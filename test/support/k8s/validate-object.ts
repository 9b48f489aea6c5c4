import { ApplicationSet } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet";
import { AppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject";
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret";
import { SealedSecret } from "@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Service } from "kubernetes-models/v1/Service";
import { imageUpdaterSchema } from "./image-updater.schema.js";
import type { K8sObject } from "./kustomize-build.js";

type Validate = (object: K8sObject) => void;

/** The published OpenAPI schemas (kubernetes-models, @kubernetes-models/argo-cd,
 * external-secrets, sealed-secrets) of every kind Repository_B may contain; ImageUpdater has
 * no package, so its CRD is mirrored in zod. */
const validators: Record<string, Validate> = {
  "v1/Namespace": (object) => new Namespace(object as never).validate(),
  "v1/Service": (object) => new Service(object as never).validate(),
  "v1/PersistentVolumeClaim": (object) => new PersistentVolumeClaim(object as never).validate(),
  "apps/v1/Deployment": (object) => new Deployment(object as never).validate(),
  "networking.k8s.io/v1/Ingress": (object) => new Ingress(object as never).validate(),
  "networking.k8s.io/v1/NetworkPolicy": (object) => new NetworkPolicy(object as never).validate(),
  "policy/v1/PodDisruptionBudget": (object) => new PodDisruptionBudget(object as never).validate(),
  "external-secrets.io/v1/ExternalSecret": (object) =>
    new ExternalSecret(object as never).validate(),
  "bitnami.com/v1alpha1/SealedSecret": (object) => new SealedSecret(object as never).validate(),
  "argoproj.io/v1alpha1/AppProject": (object) => new AppProject(object as never).validate(),
  "argoproj.io/v1alpha1/ApplicationSet": (object) => new ApplicationSet(object as never).validate(),
  "argocd-image-updater.argoproj.io/v1alpha1/ImageUpdater": (object) => {
    imageUpdaterSchema.parse(object);
  },
};

/** Throws, naming the object, when it breaks its schema or is of a kind nobody expects. */
export function validateObject(object: K8sObject): void {
  validateWith(validators, object);
}

/** Validate `object` by the validator of its kind; a kind without one is itself an error. */
export function validateWith(
  kinds: Readonly<Record<string, (object: K8sObject) => void>>,
  object: K8sObject,
): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const validate = kinds[key];
  if (!validate) throw new Error(`unexpected kind ${key} (${object.metadata?.name})`);
  try {
    validate(object);
  } catch (error) {
    throw new Error(`${key} ${object.metadata?.name}: ${(error as Error).message}`);
  }
}

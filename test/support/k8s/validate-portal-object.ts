import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import type { K8sObject } from "./kustomize-build.js";
import { validateWith } from "./validate-object.js";

/** The published OpenAPI schemas (kubernetes-models) of every kind deploy/ may contain. */
const validators: Record<string, (object: K8sObject) => void> = {
  "v1/Namespace": (object) => new Namespace(object as never).validate(),
  "v1/ServiceAccount": (object) => new ServiceAccount(object as never).validate(),
  "v1/Service": (object) => new Service(object as never).validate(),
  "apps/v1/Deployment": (object) => new Deployment(object as never).validate(),
  "networking.k8s.io/v1/Ingress": (object) => new Ingress(object as never).validate(),
  "networking.k8s.io/v1/NetworkPolicy": (object) => new NetworkPolicy(object as never).validate(),
  "policy/v1/PodDisruptionBudget": (object) => new PodDisruptionBudget(object as never).validate(),
};

/** Throws, naming the object, when it breaks its schema or is of a kind deploy/ never has. */
export function validatePortalObject(object: K8sObject): void {
  validateWith(validators, object);
}

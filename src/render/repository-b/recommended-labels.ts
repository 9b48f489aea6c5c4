/**
 * Kubernetes' recommended labels for one service. `name` and `instance` never change for the
 * life of a service, so they alone form selectors (a Deployment's selector is immutable).
 * There is deliberately no `app.kubernetes.io/version`: the tag lives in exactly one place,
 * the kustomization's `images:` entry, so a tag bump stays a one-line change.
 */
export function selectorLabels(service: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": service,
    "app.kubernetes.io/instance": service,
  };
}

export function recommendedLabels(service: string): Record<string, string> {
  return {
    ...selectorLabels(service),
    "app.kubernetes.io/part-of": service,
    "app.kubernetes.io/managed-by": "devportal",
  };
}

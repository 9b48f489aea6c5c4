import type { PortalSettings } from "../../../src/request/settings.schema.js";
import type { K8sObject } from "../k8s/kustomize-build.js";
import { sealingKey, unsealValue } from "../k8s/sealing-key.js";

/**
 * The Secrets a cluster would hold for the service, produced the way the settings' mode
 * produces them:
 * - sealed-secrets: the controller's work, done by decrypting each `encryptedData` value of
 *   the built SealedSecret with the controller's private key (the pods then run with the
 *   key the app generated), plus whatever the plan's hand step asks for;
 * - external-secrets: the operator's work, reading the ExternalSecret's remote key from the
 *   `store` (the secret store's content) into its target Secret;
 * - manual: what the plan's hand step command creates.
 */
export function clusterSecrets(params: {
  objects: readonly K8sObject[];
  settings: PortalSettings;
  namespace: string;
  /** What a person or a store provides: DJANGO_SECRET_KEY, DATABASE_URL. */
  provided: Record<string, string>;
  handStep?: { secret: string; keys: string[] };
}): Record<string, Record<string, string>> {
  const { objects, provided } = params;
  const secrets: Record<string, Record<string, string>> = {};
  const pick = (keys: string[]) =>
    Object.fromEntries(
      keys.map((key) => {
        const value = provided[key];
        if (value === undefined) throw new Error(`the test provides no ${key}`);
        return [key, value];
      }),
    );
  for (const object of objects) {
    if (object.kind === "SealedSecret") {
      const spec = (
        object as unknown as {
          spec: { encryptedData: Record<string, string>; template: { metadata: { name: string } } };
        }
      ).spec;
      const name = spec.template.metadata.name;
      secrets[name] = Object.fromEntries(
        Object.entries(spec.encryptedData).map(([key, value]) => [
          key,
          unsealValue({
            privateKey: sealingKey().privateKey,
            namespace: params.namespace,
            name,
            value,
          }),
        ]),
      );
    }
    if (object.kind === "ExternalSecret") {
      const spec = (
        object as unknown as {
          spec: { target: { name: string }; dataFrom: { extract: { key: string } }[] };
        }
      ).spec;
      const remoteKey = spec.dataFrom[0]?.extract.key;
      const expected = `${params.settings.runtime_secret.key_prefix}${params.namespace}`;
      if (remoteKey !== expected)
        throw new Error(`ExternalSecret reads ${remoteKey}, not ${expected}`);
      // The store holds the service's properties under that key.
      secrets[spec.target.name] = { ...provided };
    }
  }
  if (params.handStep) secrets[params.handStep.secret] = pick(params.handStep.keys);
  return secrets;
}

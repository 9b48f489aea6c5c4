import type { RuntimeSecret } from "./runtime-secret.js";

/**
 * Markdown for the status comment and the plan: where the runtime Secret comes from and,
 * when a person must act before the pods can start, the exact command. Names only: never
 * a secret value.
 */
export function runtimeSecretText(secret: RuntimeSecret): string {
  const source =
    secret.mode === "external-secrets" && secret.store
      ? `The External Secrets Operator creates \`${secret.name}\` from the key \`${secret.store.key}\` of the ${secret.store.kind} \`${secret.store.name}\` (${secret.keys.map((k) => `\`${k}\``).join(", ")} must be there).`
      : secret.mode === "sealed-secrets"
        ? `\`${secret.name}\` holds a generated \`DJANGO_SECRET_KEY\`, sealed for the cluster's Sealed Secrets controller.`
        : `\`${secret.name}\` is created by hand.`;
  if (!secret.handStep) return source;
  return [
    source,
    "",
    `**Before the first sync**, create the Secret \`${secret.handStep.secret}\` (${secret.handStep.keys.map((k) => `\`${k}\``).join(", ")}); the pods do not start without it:`,
    "",
    "```sh",
    secret.handStep.command,
    "```",
  ].join("\n");
}

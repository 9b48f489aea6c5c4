import { join } from "node:path";
import { render } from "../render/render.js";
import {
  generateSecretKey,
  sealRuntimeSecret,
} from "../render/sealed-secrets/seal-secret-value.js";
import type { CliIo } from "./cli-io.js";
import { formatPlan } from "./format-plan.js";
import { loadInputs } from "./load-inputs.js";
import { printErrors } from "./print-errors.js";
import { writeTree } from "./write-tree.js";

export function runRender(
  io: CliIo,
  params: {
    requestPath: string;
    settingsPath?: string;
    out: string;
    owner?: string;
    tag?: string;
    json: boolean;
  },
): number {
  const inputs = loadInputs(params);
  if (!inputs.ok) {
    for (const failure of inputs.failures) printErrors(io, failure.source, failure.errors);
    return 1;
  }
  // An explicit --owner wins over the settings file: it is what the user asked for now.
  const settings = params.owner
    ? { ...inputs.value.settings, owner: params.owner }
    : inputs.value.settings;
  // sealed-secrets: a fresh key, sealed for the controller, as the app does on first deploy.
  const { certificate, mode } = settings.runtime_secret;
  const sealed =
    mode === "sealed-secrets" && certificate
      ? sealRuntimeSecret({
          certificate,
          service: inputs.value.request.service,
          secretKey: generateSecretKey(),
        })
      : undefined;
  const rendered = render({
    request: inputs.value.request,
    settings,
    tag: params.tag,
    ...(sealed ? { sealed } : {}),
  });
  if (!rendered.ok) {
    printErrors(io, params.requestPath, rendered.errors);
    return 1;
  }
  writeTree(join(params.out, "repository-a"), rendered.value.repositoryA);
  writeTree(join(params.out, "repository-b"), rendered.value.repositoryB);
  io.stdout.write(
    params.json
      ? `${JSON.stringify(rendered.value.plan, null, 2)}\n`
      : formatPlan(rendered.value.plan, params.out),
  );
  return 0;
}

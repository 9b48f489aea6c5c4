import type { CliIo } from "./cli-io.js";
import { loadInputs } from "./load-inputs.js";
import { printErrors } from "./print-errors.js";

export function runValidate(
  io: CliIo,
  params: { requestPath: string; settingsPath?: string },
): number {
  const inputs = loadInputs(params);
  if (!inputs.ok) {
    for (const failure of inputs.failures) printErrors(io, failure.source, failure.errors);
    return 1;
  }
  const { request } = inputs.value;
  const fields = request.models.reduce((sum, model) => sum + model.fields.length, 0);
  io.stdout.write(
    `✓ ${params.requestPath}: service ${request.service} is valid (${request.models.length} models, ${fields} fields)\n`,
  );
  return 0;
}

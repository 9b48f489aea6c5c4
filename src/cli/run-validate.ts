import { type CliIo, EXIT, writeJson } from "./cli-io.js";
import { loadInputs, loadSettings } from "./load-inputs.js";
import { reportFailures } from "./print-errors.js";

export function runValidate(
  io: CliIo,
  params: { requestPath: string; settingsPath?: string; json: boolean },
): number {
  const inputs = loadInputs(params);
  if (!inputs.ok) return reportFailures(io, params.json, inputs.failures);
  const { request } = inputs.value;
  const fields = request.models.reduce((sum, model) => sum + model.fields.length, 0);
  if (params.json) {
    writeJson(io, {
      ok: true,
      file: params.requestPath,
      service: request.service,
      models: request.models.length,
      fields,
    });
  } else {
    io.stdout.write(
      `✓ ${params.requestPath}: service ${request.service} is valid (${request.models.length} models, ${fields} fields)\n`,
    );
  }
  return EXIT.ok;
}

/** `devportal validate-settings <file>`: the control plane's settings file, checked offline
 * with the same rules the app applies. */
export function runValidateSettings(
  io: CliIo,
  params: { settingsPath: string; json: boolean },
): number {
  const settings = loadSettings(params.settingsPath);
  if (!settings.ok)
    return reportFailures(io, params.json, [
      { source: params.settingsPath, errors: settings.errors },
    ]);
  const secrets = Object.keys(settings.value.secrets).sort();
  if (params.json) {
    writeJson(io, { ok: true, file: params.settingsPath, secrets, settings: settings.value });
  } else {
    const needs = secrets.map((name) => settings.value.secrets[name]?.from_env).join(", ");
    io.stdout.write(
      `✓ ${params.settingsPath}: settings are valid${
        needs ? ` (the app needs these environment variables: ${needs})` : ""
      }\n`,
    );
  }
  return EXIT.ok;
}

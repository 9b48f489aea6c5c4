import { parseRequest } from "../request/parse-request.js";
import { defaultSettings, parseSettings } from "../request/parse-settings.js";
import type { Result, ServiceRequest } from "../request/service-request.js";
import type { PortalSettings } from "../request/settings.schema.js";
import type { Failure } from "./print-errors.js";
import { readTextFile } from "./read-text-file.js";

export interface Inputs {
  request: ServiceRequest;
  settings: PortalSettings;
}

/** Read and validate the request and the optional settings; errors are grouped by file so
 * both files' problems are reported in one run. */
export function loadInputs(params: {
  requestPath: string;
  settingsPath?: string;
}): { ok: true; value: Inputs } | { ok: false; failures: Failure[] } {
  const failures: Failure[] = [];
  const request = readAndParse(params.requestPath, "request file", parseRequest);
  if (!request.ok) failures.push({ source: params.requestPath, errors: request.errors });
  let settings: Result<PortalSettings> = { ok: true, value: defaultSettings() };
  if (params.settingsPath) {
    settings = loadSettings(params.settingsPath);
    if (!settings.ok) failures.push({ source: params.settingsPath, errors: settings.errors });
  }
  if (!request.ok || !settings.ok) return { ok: false, failures };
  return { ok: true, value: { request: request.value, settings: settings.value } };
}

/** Read and validate a settings file. */
export function loadSettings(path: string): Result<PortalSettings> {
  return readAndParse(path, "settings file", parseSettings);
}

function readAndParse<T>(
  path: string,
  what: string,
  parse: (text: string, source: string) => Result<T>,
): Result<T> {
  const text = readTextFile(path, what);
  return text.ok ? parse(text.value, path) : text;
}

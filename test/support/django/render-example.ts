import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Rendered, render } from "../../../src/render/render.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { parseSettings } from "../../../src/request/parse-settings.js";
import { formatError, type ServiceRequest } from "../../../src/request/service-request.js";
import type { PortalSettings } from "../../../src/request/settings.schema.js";

export const EXAMPLES_DIR = join(import.meta.dirname, "..", "..", "..", "examples");

/** Every request in examples/: the real-tool tests cover each one, new ones included. */
export function exampleRequests(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith(".devportal.yml"))
    .sort();
}

/** An example request, validated: a broken example fails here, by name. */
export function loadExample(name: string): ServiceRequest {
  const request = parseRequest(readFileSync(join(EXAMPLES_DIR, name), "utf8"), name);
  if (!request.ok) throw new Error(`${name}: ${request.errors.map(formatError).join("; ")}`);
  return request.value;
}

/** examples/settings.yml, validated. */
export function exampleSettings(): PortalSettings {
  const settings = parseSettings(readFileSync(join(EXAMPLES_DIR, "settings.yml"), "utf8"));
  if (!settings.ok) throw new Error(`settings.yml: ${settings.errors.map(formatError).join("; ")}`);
  return settings.value;
}

/** Render an example with examples/settings.yml; any validation error fails loudly. */
export function renderExample(name: string): Rendered {
  const rendered = render({ request: loadExample(name), settings: exampleSettings() });
  if (!rendered.ok) throw new Error(`${name}: ${rendered.errors.map(formatError).join("; ")}`);
  return rendered.value;
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Rendered, render } from "../../../src/render/render.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { parseSettings } from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";

export const EXAMPLES_DIR = join(import.meta.dirname, "..", "..", "..", "examples");

/** Every request in examples/: the real-tool tests cover each one, new ones included. */
export function exampleRequests(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith(".devportal.yml"))
    .sort();
}

/** Render an example with examples/settings.yml; any validation error fails loudly. */
export function renderExample(name: string): Rendered {
  const request = parseRequest(readFileSync(join(EXAMPLES_DIR, name), "utf8"), name);
  if (!request.ok) throw new Error(`${name}: ${request.errors.map(formatError).join("; ")}`);
  const settings = parseSettings(readFileSync(join(EXAMPLES_DIR, "settings.yml"), "utf8"));
  if (!settings.ok) throw new Error(`settings.yml: ${settings.errors.map(formatError).join("; ")}`);
  const rendered = render({ request: request.value, settings: settings.value });
  if (!rendered.ok) throw new Error(`${name}: ${rendered.errors.map(formatError).join("; ")}`);
  return rendered.value;
}

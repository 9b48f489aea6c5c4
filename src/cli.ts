import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import type { CliIo } from "./cli/cli-io.js";
import { HELP_TEXT } from "./cli/help-text.js";
import { runRender } from "./cli/run-render.js";
import { runValidate } from "./cli/run-validate.js";
import { requestJsonSchema } from "./request/request-json-schema.js";

const USAGE_ERROR = 2;

/** The offline CLI. Returns the exit code: 0 ok, 1 invalid input, 2 wrong usage. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === "help") {
    io.stdout.write(HELP_TEXT);
    return command === undefined && !values.help ? USAGE_ERROR : 0;
  }
  switch (command) {
    case "validate": {
      const [requestPath] = rest;
      if (!requestPath || rest.length > 1) return usage(io, "validate takes one request file");
      return runValidate(io, { requestPath, settingsPath: values.settings });
    }
    case "render": {
      const [requestPath] = rest;
      if (!requestPath || rest.length > 1) return usage(io, "render takes one request file");
      if (!values.out) return usage(io, "render needs --out <dir>");
      return runRender(io, {
        requestPath,
        settingsPath: values.settings,
        out: values.out,
        owner: values.owner,
        tag: values.tag,
        json: values.json ?? false,
      });
    }
    case "schema":
      io.stdout.write(`${JSON.stringify(requestJsonSchema(), null, 2)}\n`);
      return 0;
    default:
      return usage(io, `unknown command "${command}"`);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string" },
      settings: { type: "string" },
      owner: { type: "string" },
      tag: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`devportal: ${message}\nRun devportal --help for usage.\n`);
  return USAGE_ERROR;
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require("../package.json") as { version: string }).version;
}

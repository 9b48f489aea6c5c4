import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { type CliIo, EXIT, writeJson } from "./cli/cli-io.js";
import { HELP_TEXT } from "./cli/help-text.js";
import { reportUsage } from "./cli/print-errors.js";
import { runPortalApp } from "./cli/run-portal-app.js";
import { runPlan, runRender } from "./cli/run-render.js";
import { runValidate, runValidateSettings } from "./cli/run-validate.js";
import { requestJsonSchema } from "./request/request-json-schema.js";
import { didYouMeanSuffix } from "./request/rules/did-you-mean.js";
import { settingsJsonSchema } from "./request/settings-json-schema.js";

type Values = ReturnType<typeof parse>["values"];
type Command = (io: CliIo, args: string[], values: Values & { json: boolean }) => number;

/** One positional argument, or the usage error that names what was expected. */
function one(args: string[], what: string): string | Error {
  const [value] = args;
  return value && args.length === 1 ? value : new Error(what);
}

const COMMANDS: Record<string, Command> = {
  validate: (io, args, values) => {
    const requestPath = one(args, "validate takes one request file");
    if (requestPath instanceof Error) return reportUsage(io, values.json, requestPath.message);
    return runValidate(io, { requestPath, settingsPath: values.settings, json: values.json });
  },
  "validate-settings": (io, args, values) => {
    const settingsPath = one(args, "validate-settings takes one settings file");
    if (settingsPath instanceof Error) return reportUsage(io, values.json, settingsPath.message);
    return runValidateSettings(io, { settingsPath, json: values.json });
  },
  plan: (io, args, values) => {
    const requestPath = one(args, "plan takes one request file");
    if (requestPath instanceof Error) return reportUsage(io, values.json, requestPath.message);
    if (values.out)
      return reportUsage(
        io,
        values.json,
        "plan writes nothing; use render --out <dir> to write files",
      );
    return runPlan(io, { requestPath, ...renderOptions(values) });
  },
  render: (io, args, values) => {
    const requestPath = one(args, "render takes one request file");
    if (requestPath instanceof Error) return reportUsage(io, values.json, requestPath.message);
    if (!values.out) return reportUsage(io, values.json, "render needs --out <dir>");
    return runRender(io, {
      requestPath,
      ...renderOptions(values),
      out: values.out,
      force: values.force ?? false,
    });
  },
  "portal-app": (io, args, values) => {
    const checkout = one(args, "portal-app takes the path of your GitOps repository checkout");
    if (checkout instanceof Error) return reportUsage(io, values.json, checkout.message);
    return runPortalApp(io, {
      checkout,
      settingsPath: values.settings,
      owner: values.owner,
      host: values.host,
      // The portal's release that this CLI ships: its image carries the same version.
      tag: values.tag ?? version(),
      force: values.force ?? false,
      json: values.json,
    });
  },
  schema: (io, args, values) => {
    if (args.length > 0) return reportUsage(io, values.json, "schema takes no arguments");
    writeJson(io, requestJsonSchema());
    return EXIT.ok;
  },
  "settings-schema": (io, args, values) => {
    if (args.length > 0) return reportUsage(io, values.json, "settings-schema takes no arguments");
    writeJson(io, settingsJsonSchema());
    return EXIT.ok;
  },
};

function renderOptions(values: Values & { json: boolean }) {
  return {
    settingsPath: values.settings,
    owner: values.owner,
    tag: values.tag,
    json: values.json,
  };
}

/** The offline CLI. Returns the exit code: 0 ok, 1 invalid input, 2 wrong usage. With
 * --json, stdout carries exactly one JSON document, errors included. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Known before parsing, so that even a malformed command line answers in JSON.
  const json = argv.includes("--json");
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return reportUsage(io, json, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    if (json) writeJson(io, { ok: true, version: version() });
    else io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (values.help || command === undefined || command === "help") {
    io.stdout.write(HELP_TEXT);
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    const suggestion = didYouMeanSuffix(command, Object.keys(COMMANDS));
    return reportUsage(
      io,
      json,
      `unknown command "${command}"${suggestion || `; commands: ${Object.keys(COMMANDS).join(", ")}`}`,
    );
  }
  return run(io, rest, { ...values, json });
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
      host: { type: "string" },
      force: { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require("../package.json") as { version: string }).version;
}

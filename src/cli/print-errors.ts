import { formatError, type ValidationError } from "../request/service-request.js";
import { type CliIo, EXIT, writeJson } from "./cli-io.js";

/** The problems of one input file. */
export interface Failure {
  source: string;
  errors: readonly ValidationError[];
}

export function printErrors(io: CliIo, source: string, errors: readonly ValidationError[]): void {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  io.stderr.write(`${source}: ${count}\n`);
  for (const error of errors) io.stderr.write(`  ✗ ${formatError(error)}\n`);
}

/** Report every problem of every file at once, as text on stderr or one JSON document on
 * stdout; returns the exit code for invalid input. */
export function reportFailures(io: CliIo, json: boolean, failures: readonly Failure[]): number {
  if (json) {
    writeJson(io, {
      ok: false,
      error: "invalid",
      problems: failures.flatMap((failure) =>
        failure.errors.map((error) => ({
          file: failure.source,
          path: error.path,
          message: error.message,
        })),
      ),
    });
  } else {
    for (const failure of failures) printErrors(io, failure.source, failure.errors);
  }
  return EXIT.invalid;
}

/** A wrong command line: what was wrong and where help is. */
export function reportUsage(io: CliIo, json: boolean, message: string): number {
  if (json) writeJson(io, { ok: false, error: "usage", message });
  else io.stderr.write(`devportal: ${message}\nRun devportal --help for usage.\n`);
  return EXIT.usage;
}

import { formatError, type ValidationError } from "../request/service-request.js";
import type { CliIo } from "./cli-io.js";

export function printErrors(io: CliIo, source: string, errors: readonly ValidationError[]): void {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  io.stderr.write(`${source}: ${count}\n`);
  for (const error of errors) io.stderr.write(`  ✗ ${formatError(error)}\n`);
}

/** Where the CLI writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes: 0 ok, 1 invalid input (the files), 2 wrong usage (the command line). */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** One JSON document on stdout, whatever happened: scripts parse stdout and read `ok`. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

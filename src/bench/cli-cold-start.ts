import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { percentile } from "./measure.js";

export type ColdStart =
  | { available: true; runs: number; medianMs: number; command: string }
  | { available: false; reason: string; command: string };

/** Median wall time of `node bin/devportal.js validate <example>`, a fresh process each run:
 * what a user (or a CI step) waits for before the CLI answers. */
export function cliColdStart(params: { root: string; example: string; runs: number }): ColdStart {
  const args = ["bin/devportal.js", "validate", params.example];
  const command = `node ${args.join(" ")}`;
  if (!existsSync(join(params.root, "lib", "cli.js")))
    return { available: false, reason: "lib/cli.js is missing (run npm run build)", command };
  const durations: number[] = [];
  for (let i = 0; i < params.runs; i++) {
    const began = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: params.root, encoding: "utf8" });
    durations.push(performance.now() - began);
    if (result.status !== 0)
      return {
        available: false,
        reason: `exit ${result.status}: ${result.stderr.trim()}`,
        command,
      };
  }
  return { available: true, runs: params.runs, medianMs: percentile(durations, 50), command };
}

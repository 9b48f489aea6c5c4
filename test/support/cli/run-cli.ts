import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { main } from "../../../src/cli.js";

export const ROOT = join(import.meta.dirname, "..", "..", "..");
export const EXAMPLE = join(ROOT, "examples", "orders-api.devportal.yml");
export const SETTINGS = join(ROOT, "examples", "settings.yml");

/** The CLI in process, with its output captured. */
export async function runCli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory per call, removed after each test of the calling file. */
export function useTempDirs(): () => string {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "devportal-cli-"));
    temps.push(dir);
    return dir;
  };
}

/**
 * One page photographed by Debian's headless Chromium, for the README's pictures
 * (scripts/screenshots.ts, scripts/screenshot-plan-comment.ts). A fresh profile each time
 * and nothing fetched from the network: the picture depends on the page alone.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = "/usr/bin/chromium";

export function screenshot(params: {
  /** The HTML file to open. */
  page: string;
  /** Where the PNG goes. */
  out: string;
  width: number;
  height: number;
}): void {
  const profile = mkdtempSync(join(tmpdir(), "devportal-chromium-"));
  try {
    execFileSync(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        `--user-data-dir=${profile}`,
        `--window-size=${params.width},${params.height}`,
        `--screenshot=${params.out}`,
        `file://${params.page}`,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * README screenshots from the real code: the status comment at each stage, the failure
 * reports and the notifications are rendered by the app's own functions (see
 * test/support/messages/catalog.ts), turned into HTML with GitHub's Markdown styling, and
 * photographed by Debian's headless Chromium. Rerun whenever a message changes:
 *
 *   npx tsx scripts/screenshots.ts        (writes docs/images/*.png)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { everyMessage } from "../test/support/messages/catalog.js";
import { screenshot } from "./chromium-screenshot.js";

const require = createRequire(import.meta.url);
const CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const OUT = join(import.meta.dirname, "..", "docs", "images");

/** The messages the README shows. */
const SHOWN = [
  "status-ci-failed",
  "status-committed-waiting",
  "status-live",
  "status-degraded",
  "status-settings-error",
  "notify-degraded",
];

const markdown = new MarkdownIt({ html: true });

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${CSS}
body { background: #fff; margin: 0; }
.comment { box-sizing: border-box; width: 860px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; }
.header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px -apple-system, "Segoe UI", sans-serif; color: #57606a; }
.markdown-body { padding: 16px; font-size: 14px; }
</style></head><body><div class="comment"><div class="header"><b>devportal</b> <span>bot</span> commented</div>
<article class="markdown-body">${body}</article></div></body></html>`;
}

const work = mkdtempSync(join(tmpdir(), "devportal-shots-"));
try {
  for (const message of everyMessage().filter((m) => SHOWN.includes(m.name))) {
    // The open details element shows the plan in the picture as a reader who opens it sees it.
    const html = markdown.render(message.markdown).replace("<details>", "<details open>");
    const file = join(work, `${message.name}.html`);
    writeFileSync(file, page(message.name, html));
    const height = 120 + message.markdown.split("\n").length * 24;
    screenshot({
      page: file,
      out: join(OUT, `${message.name}.png`),
      width: 900,
      height: Math.min(height, 1400),
    });
    console.log(`docs/images/${message.name}.png`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

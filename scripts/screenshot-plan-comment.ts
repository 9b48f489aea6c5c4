// Renders the pull-request plan comment from the real code (examples/orders-api.devportal.yml
// planned with examples/settings.yml, plus a broken copy of it) and screenshots it with
// headless Chromium into docs/images/pull-request-plan.png for the README:
//   npx tsx scripts/screenshot-plan-comment.ts
// Rerun it whenever templates/comments/pull-request-plan.md or the plan changes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderPullRequestPlan } from "../src/render/feedback/pull-request-plan.js";
import { render } from "../src/render/render.js";
import { lineOfPath } from "../src/request/locate-yaml-path.js";
import { parseRequest } from "../src/request/parse-request.js";
import { parsePortalSettings } from "../src/request/parse-settings.js";
import { screenshot } from "./chromium-screenshot.js";

const root = new URL("..", import.meta.url).pathname;
const text = readFileSync(join(root, "examples/orders-api.devportal.yml"), "utf8");
const settings = parsePortalSettings(
  readFileSync(join(root, "examples/settings.yml"), "utf8"),
  "settings",
);
const request = parseRequest(text, "services/orders-api.devportal.yml");
if (!settings.ok || !request.ok) throw new Error("the examples must be valid");
const rendered = render({ request: request.value, settings: settings.value, owner: "acme" });
if (!rendered.ok) throw new Error("the example must render");
const brokenText = text
  .replace("service: orders-api", "service: Billing_API")
  .replace("type: decimal", "type: money");
const broken = parseRequest(brokenText, "services/billing-api.devportal.yml");
if (broken.ok) throw new Error("the broken example must be broken");
const markdown = renderPullRequestPlan({
  fork: false,
  files: [
    { path: "services/orders-api.devportal.yml", kind: "plan", plan: rendered.value.plan },
    {
      path: "services/billing-api.devportal.yml",
      kind: "problems",
      problems: broken.errors.map((error) => ({
        field: error.path,
        message: error.message,
        line: lineOfPath(brokenText, error.path),
      })),
    },
  ],
});

/** Just enough Markdown for this comment: headings, tables, lists, details, spans, links. */
function toHtml(source: string): string {
  const inline = (line: string) =>
    line
      .replace(/&/g, "&amp;")
      .replace(/<(?!\/?(details|summary|sub)>)/g, "&lt;")
      .replace(/\\([\\`*_{}[\]()#+\-.!:,;"@/])/g, "$1")
      .replace(/`([^`]*)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
  const out: string[] = [];
  let table = false;
  let list = false;
  for (const line of source.split("\n")) {
    if (line.startsWith("<!--")) continue;
    if (list && !line.startsWith("- ")) {
      out.push("</ul>");
      list = false;
    }
    if (table && !line.startsWith("|")) {
      out.push("</table>");
      table = false;
    }
    if (line.startsWith("|")) {
      if (/^\|---/.test(line)) continue;
      if (!table) out.push("<table>");
      table = true;
      const cells = line.split("|").slice(1, -1);
      out.push(
        `<tr>${cells.map((cell, i) => (i === 0 ? `<th>${inline(cell)}</th>` : `<td>${inline(cell)}</td>`)).join("")}</tr>`,
      );
    } else if (line.startsWith("- ")) {
      if (!list) out.push("<ul>");
      list = true;
      out.push(`<li>${inline(line.slice(2))}</li>`);
    } else if (/^#{3,4} /.test(line)) {
      const level = line.startsWith("####") ? 4 : 3;
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (line.trim()) {
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  return out.join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "devportal-shot-"));
const page = join(dir, "plan.html");
writeFileSync(
  page,
  `<!doctype html><meta charset="utf-8"><style>
body{font:14px -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:16px;color:#1f2328}
.box{border:1px solid #d0d7de;border-radius:6px;max-width:920px}
.head{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;font-weight:600}
.body{padding:8px 16px} table{border-collapse:collapse} th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
code{background:#eff1f3;border-radius:4px;padding:1px 4px;font-size:12px} a{color:#0969da;text-decoration:none}
details{margin:6px 0} sub{color:#59636e}
</style><div class="box"><div class="head">devportal <span style="font-weight:400;color:#59636e">bot commented</span></div>
<div class="body">${toHtml(markdown)}</div></div>`,
);
const out = join(root, "docs/images/pull-request-plan.png");
screenshot({ page, out, width: 960, height: 660 });
console.log(`wrote ${out}`);

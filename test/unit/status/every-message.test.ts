import { existsSync, readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { everyMessage } from "../../support/messages/catalog.js";

const markdown = new MarkdownIt({ html: true, linkify: false });

/** The words a person reads: HTML rendered as GitHub would (CommonMark + tables), tags off. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'");
}

describe("every message a person can see", () => {
  const messages = everyMessage();

  it("covers the status at each stage and every notification", () => {
    expect(messages.map((message) => message.name)).toMatchInlineSnapshot(`
      [
        "status-invalid-request",
        "status-settings-error",
        "status-provisioned",
        "status-ci-running",
        "status-ci-failed",
        "status-gitops-blocked",
        "status-committed-waiting",
        "status-overdue",
        "status-synced",
        "status-live",
        "status-degraded",
        "status-sync-failed",
        "notify-ci-failed",
        "notify-platform",
        "notify-overdue",
        "notify-live",
        "notify-degraded",
        "notify-sync-failed",
        "notify-invalid",
      ]
    `);
  });

  it.each(messages.map((message) => [message.name, message.markdown]))(
    "%s: no stray escaping, named links, URLs as links, fits GitHub",
    (_name, source) => {
      const html = markdown.render(source);
      const text = visibleText(html);
      // An escape that shows is a backslash the reader sees.
      expect(text).not.toMatch(/\\/);
      expect(text).not.toMatch(/&[a-z]+;|&#\d+;/);
      // Every link names what it points to.
      const links = [...html.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)];
      for (const [, href, label] of links) {
        expect(label?.trim().toLowerCase()).not.toBe("link");
        expect(label?.trim()).not.toBe("");
        expect(href).toMatch(/^https:\/\//);
      }
      // No URL is left as plain text: each one sits inside a link.
      const bare = visibleText(html.replace(/<a href="[^"]+">[\s\S]*?<\/a>/g, "")).match(
        /https?:\/\/\S+/g,
      );
      expect(bare).toBeNull();
      expect(source.length).toBeLessThanOrEqual(65_536);
    },
  );
});

describe("the README's pictures", () => {
  it("are scripts/screenshots.ts's output of messages that exist", () => {
    const readme = readFileSync("README.md", "utf8");
    const shown = [...readme.matchAll(/\]\(docs\/images\/([\w-]+)\.png\)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    const names = new Set(everyMessage().map((message) => message.name));
    const script = readFileSync("scripts/screenshots.ts", "utf8");
    // The pull request's plan comment is rendered by its own script, from the plan renderer.
    const planScript = readFileSync("scripts/screenshot-plan-comment.ts", "utf8");
    for (const name of shown) {
      expect(existsSync(`docs/images/${name}.png`), name).toBe(true);
      if (planScript.includes(`docs/images/${name}.png`)) continue;
      expect(names.has(name as string), name).toBe(true);
      expect(script).toContain(`"${name}"`);
    }
  });
});

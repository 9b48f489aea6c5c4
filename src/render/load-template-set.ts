import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface TemplateFile {
  /** Path relative to the set, with placeholders such as `__project__`. */
  path: string;
  template: string;
}

/** `templates/` at the package root, from both `src/render` (tests) and `lib/render` (built). */
export const TEMPLATES_ROOT = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "templates",
);

const cache = new Map<string, readonly TemplateFile[]>();

/**
 * The files of one template set (`service`, `gitops`, ...), read once per process. Templates
 * ship with the package and never change while it runs, so caching them keeps `render` free
 * of I/O after the first call.
 */
export function loadTemplateSet(name: string, root = TEMPLATES_ROOT): readonly TemplateFile[] {
  const key = join(root, name);
  const cached = cache.get(key);
  if (cached) return cached;
  const files = walk(key)
    .map((file) => ({
      path: relative(key, file).split(sep).join("/"),
      template: readFileSync(file, "utf8"),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  cache.set(key, files);
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

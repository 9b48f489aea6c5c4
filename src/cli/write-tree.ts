import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { FileTree } from "../render/file-tree.js";

/**
 * Write a rendered tree to `dir`, replacing what a previous render left there (a file
 * removed from the templates must not linger in the output). Paths come from the renderer,
 * but are still checked to stay inside `dir`.
 */
export function writeTree(dir: string, tree: FileTree): void {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of Object.entries(tree)) {
    const target = resolve(join(root, path));
    if (!target.startsWith(root + sep))
      throw new Error(`refusing to write outside ${root}: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: path.endsWith("manage.py") ? 0o755 : 0o644 });
  }
}

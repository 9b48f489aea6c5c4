import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { FileTree } from "../render/file-tree.js";

/**
 * Write a rendered tree under `dir`, leaving everything else there alone. Paths come from
 * the renderer, but are still checked to stay inside `dir`, links included.
 */
export function writeTree(dir: string, tree: FileTree): void {
  const root = resolve(dir);
  for (const [path, content] of Object.entries(tree)) {
    const target = resolve(join(root, path));
    if (!target.startsWith(root + sep))
      throw new Error(`refusing to write outside ${root}: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    // A symbolic link already in `dir` must not carry a write elsewhere.
    const parent = realpathSync(dirname(target));
    const realRoot = realpathSync(root);
    if (parent !== realRoot && !parent.startsWith(realRoot + sep))
      throw new Error(`refusing to write through a link leaving ${root}: ${path}`);
    writeFileSync(target, content, { mode: path.endsWith("manage.py") ? 0o755 : 0o644 });
  }
}

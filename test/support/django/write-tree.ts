import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileTree } from "../../../src/render/file-tree.js";

/** Write a rendered repository to disk, as the push to GitHub would lay it out. */
export function writeTree(root: string, tree: FileTree): void {
  for (const [path, text] of Object.entries(tree)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

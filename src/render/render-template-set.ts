import type { FileTree } from "./file-tree.js";
import { loadTemplateSet } from "./load-template-set.js";
import { renderTemplate } from "./render-template.js";

const PYTHON_DUNDER_FILES = new Set(["init", "main"]);

/**
 * Render every file of a template set. `paths` replaces `__name__` placeholders in file
 * paths (values are validated names, never free text); `include` drops files that do not
 * apply to this request (no workflow without `ci`, no PVC with postgres, ...).
 */
export function renderTemplateSet(params: {
  set: string;
  view: object;
  paths: Record<string, string>;
  include?: (path: string) => boolean;
}): FileTree {
  const { set, view, paths, include = () => true } = params;
  const tree: FileTree = {};
  for (const file of loadTemplateSet(set)) {
    if (!include(file.path)) continue;
    const path = file.path.replace(/__([a-z_]+)__/g, (placeholder, key: string) => {
      const value = paths[key];
      if (value !== undefined) return value;
      // Python's own dunder files (`__init__.py`, `__main__.py`) are names, not placeholders.
      if (PYTHON_DUNDER_FILES.has(key)) return placeholder;
      throw new Error(`template path ${file.path}: no value for ${placeholder}`);
    });
    tree[path] = renderTemplate(`${set}/${file.path}`, file.template, view);
  }
  return tree;
}

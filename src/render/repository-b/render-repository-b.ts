import type { FileTree } from "../file-tree.js";
import type { RenderContext } from "../render-context.js";

/** Repository_B: apps/<service>/ and the bootstrap files. (Skeleton.) */
export function renderRepositoryB(_context: RenderContext): FileTree {
  return {};
}

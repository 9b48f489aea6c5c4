/** A repository's content: path (POSIX, relative to the root) -> file text. Keys are kept
 * sorted so that output, JSON and commits are byte-identical for the same input. */
export type FileTree = Record<string, string>;

export function sortTree(tree: FileTree): FileTree {
  const sorted: FileTree = {};
  for (const path of Object.keys(tree).sort()) sorted[path] = tree[path] as string;
  return sorted;
}

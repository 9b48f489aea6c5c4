import type { FileTree } from "../../render/file-tree.js";
import type { CatalogEntry } from "../../render/repository-b/render-catalog.js";
import { renderCatalog } from "../../render/repository-b/render-catalog.js";
import { parseCatalog, withCatalogEntry } from "./catalog-entries.js";

export const APPLICATION_SET_PATH = "k8s/applicationset.yaml";
export const CATALOG_PATH = "README.md";

export interface GitopsChanges {
  files: FileTree;
  /** Directories replaced as a whole: a manifest the new render drops is deleted. */
  deletePaths: string[];
}

/**
 * The files a deployment writes into Repository_B, given what it holds now: the service's
 * directory (all of it, so a file dropped from the render is removed), the ApplicationSet
 * only when missing (the platform team may have tuned theirs), and the catalog README with
 * this service's row. Nothing outside `apps/<service>/` and those two bootstrap files.
 */
export function gitopsChanges(params: {
  rendered: FileTree;
  service: string;
  entry: CatalogEntry;
  current: { readme: string | undefined; hasApplicationSet: boolean };
}): GitopsChanges {
  const directory = `apps/${params.service}/`;
  const files: FileTree = {};
  for (const [path, content] of Object.entries(params.rendered)) {
    if (path.startsWith(directory)) files[path] = content;
  }
  const applicationSet = params.rendered[APPLICATION_SET_PATH];
  if (!params.current.hasApplicationSet && applicationSet !== undefined) {
    files[APPLICATION_SET_PATH] = applicationSet;
  }
  const entries = withCatalogEntry(parseCatalog(params.current.readme), params.entry);
  files[CATALOG_PATH] = renderCatalog(entries);
  return { files, deletePaths: [directory] };
}

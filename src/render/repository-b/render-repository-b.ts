import type { FileTree } from "../file-tree.js";
import { sortTree } from "../file-tree.js";
import type { RenderContext } from "../render-context.js";
import { renderTemplateSet } from "../render-template-set.js";
import { gitopsView, manifestFiles } from "./gitops-view.js";
import { CATALOG_TEMPLATE } from "./render-catalog.js";

/**
 * Repository_B's share of one service: `apps/<service>/` (a kustomize directory plus its
 * README) and the bootstrap `k8s/applicationset.yaml`. The root README, a catalog of every
 * service, is not here: it depends on the services already present (see renderCatalog).
 */
export function renderRepositoryB(context: RenderContext): FileTree {
  const sqlite = context.request.deploy.database === "sqlite";
  const wanted = new Set([
    ...manifestFiles({ sqlite, imageUpdater: context.settings.image_updater }),
    "kustomization.yaml",
    "README.md",
  ]);
  return sortTree(
    renderTemplateSet({
      set: "gitops",
      view: gitopsView(context),
      paths: { service: context.request.service },
      include: (path) =>
        path !== CATALOG_TEMPLATE &&
        (!path.startsWith("apps/") || wanted.has(path.slice(path.lastIndexOf("/") + 1))),
    }),
  );
}

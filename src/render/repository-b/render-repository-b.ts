import type { FileTree } from "../file-tree.js";
import { sortTree } from "../file-tree.js";
import type { RenderContext } from "../render-context.js";
import { renderTemplateSet } from "../render-template-set.js";
import { gitopsView, manifestFiles } from "./gitops-view.js";
import { CATALOG_TEMPLATE } from "./render-catalog.js";

/** Argo CD's own project: never redefined, and then no AppProject file is written. */
const ARGO_DEFAULT_PROJECT = "default";

/**
 * Repository_B's share of one service: `apps/<service>/` (production, deployed by Argo CD,
 * with base/ holding what every later environment shares, and a README) and the bootstrap files
 * `k8s/appproject.yaml` and `k8s/applicationset.yaml`. The root README, a catalog of every
 * service, is not here: it depends on the services already present (see renderCatalog).
 */
export function renderRepositoryB(context: RenderContext): FileTree {
  const files = manifestFiles({ context });
  const wanted = new Set([
    "apps/__service__/README.md",
    "apps/__service__/base/kustomization.yaml",
    "apps/__service__/kustomization.yaml",
    ...files.base.map((file) => `apps/__service__/base/${file}`),
    ...files.overlay.map((file) => `apps/__service__/${file}`),
    "k8s/applicationset.yaml",
    ...(context.settings.argocd.project === ARGO_DEFAULT_PROJECT ? [] : ["k8s/appproject.yaml"]),
  ]);
  return sortTree(
    renderTemplateSet({
      set: "gitops",
      view: gitopsView(context),
      paths: { service: context.request.service },
      include: (path) => path !== CATALOG_TEMPLATE && wanted.has(path),
    }),
  );
}

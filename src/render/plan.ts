import type { FileTree } from "./file-tree.js";
import type { RenderContext } from "./render-context.js";

/** What provisioning would create, as data: printed by the CLI, shown by the PR check and
 * in the status comment. Contains names only, never secret values. */
export interface Plan {
  service: string;
  repository: { fullName: string; visibility: string; files: string[] };
  secrets: string[];
  gitops: { fullName: string; path: string; files: string[] };
  /** The Kubernetes namespace, and the Argo CD application the ApplicationSet generates from
   * the GitOps directory (named after its last path segment). */
  namespace: string;
  application: string;
  image: string;
  tag: string;
  url: string;
  database: string;
  replicas: number;
}

export function planOf(params: {
  context: RenderContext;
  repositoryA: FileTree;
  repositoryB: FileTree;
}): Plan {
  const { request, settings, target } = params.context;
  return {
    service: request.service,
    repository: {
      fullName: target.repository.fullName,
      visibility: settings.visibility,
      files: Object.keys(params.repositoryA),
    },
    secrets: Object.keys(settings.secrets).sort(),
    gitops: {
      fullName: target.gitops.fullName,
      path: `${target.gitopsPath}/`,
      files: Object.keys(params.repositoryB),
    },
    namespace: target.namespace,
    application: target.gitopsPath.split("/").pop() ?? request.service,
    image: target.image,
    tag: target.tag,
    url: target.url,
    database: request.deploy.database,
    replicas: request.deploy.replicas,
  };
}

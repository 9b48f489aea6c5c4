import type { FileTree } from "./file-tree.js";
import { planWarnings } from "./plan-warnings.js";
import type { RenderContext } from "./render-context.js";
import { type RuntimeSecret, runtimeSecretOf } from "./runtime-secret.js";

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
  /** The file of Repository_B whose `images:` entry carries the deployed tag. */
  tagFile: string;
  url: string;
  database: string;
  replicas: number;
  /** The role the requester (and the teams named) get on the repository. */
  access: { permission: string; teams: string[] };
  /** Where Argo CD shows the Application, when the settings know Argo CD's address. */
  argocdApp?: string;
  /** Who may read and write through the API, as the request asked. */
  api: RenderContext["request"]["api"];
  tls: boolean;
  /** The runtime Secret and, in manual mode, the command a person must run first. */
  runtimeSecret: RuntimeSecret;
  /** Things a reviewer must see before approving, loudest first. */
  warnings: string[];
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
    tagFile: target.tagFile,
    url: target.url,
    database: request.deploy.database,
    replicas: request.deploy.replicas,
    access: { permission: settings.access.permission, teams: [...settings.access.teams] },
    ...(settings.deploy_reports.argocd_url
      ? { argocdApp: argocdAppUrl(settings.deploy_reports.argocd_url, request.service) }
      : {}),
    api: request.api,
    tls: settings.tls !== undefined,
    runtimeSecret: runtimeSecretOf({ request, settings, namespace: target.namespace }),
    warnings: planWarnings(params.context),
  };
}

/** The Argo CD web page of the Application the ApplicationSet makes for `service`. */
export function argocdAppUrl(argocdUrl: string, service: string): string {
  return `${argocdUrl.replace(/\/+$/, "")}/applications/${service}`;
}

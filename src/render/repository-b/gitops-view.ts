import type { RenderContext } from "../render-context.js";
import { runtimeSecretOf } from "../runtime-secret.js";
import { appProjectView } from "./app-project-view.js";
import { recommendedLabels, selectorLabels } from "./recommended-labels.js";
import { yamlString } from "./yaml-string.js";

/** Where the image keeps SQLite's file: the Dockerfile's data directory, owned by USER 10001. */
export const DATA_DIR = "/app/data";

/** Full commit SHAs: the only tags the updater may deploy (never the moving `latest`). */
export const COMMIT_SHA_TAGS = "regexp:^[0-9a-f]{40}$";

/** Spread replicas over nodes, then zones (when the cluster labels them). */
export const SPREAD_KEYS = ["kubernetes.io/hostname", "topology.kubernetes.io/zone"];

interface Pair {
  key: string;
  value: string;
}

/**
 * The mustache view of templates/gitops. Every string bound for YAML is quoted here, once
 * (`yamlString`), so templates only place values and a value can never change the document's
 * structure; `plain` holds the same values unquoted, for Markdown and comments.
 */
export function gitopsView(context: RenderContext) {
  const { request, settings, target } = context;
  const { service, deploy } = request;
  const sqlite = deploy.database === "sqlite";
  const dataClaim = sqlite ? `${service}-data` : undefined;
  const imageUpdater = settings.image_updater;
  const pullSecret = settings.image_pull_secret;
  const runtime = runtimeSecretOf({ request, settings, namespace: target.namespace });
  const tls = settings.tls;
  const q = yamlString;
  const env: Record<string, string> = {
    DJANGO_ALLOWED_HOSTS: target.host,
    DJANGO_DEBUG: "0",
    PORT: String(deploy.port),
    ...(tls ? { DJANGO_HTTPS: "1" } : {}),
    ...(sqlite ? { DJANGO_DATA_DIR: DATA_DIR } : {}),
  };
  const files = manifestFiles({ context });
  return {
    service: q(service),
    namespace: q(target.namespace),
    image: q(target.image),
    tag: q(target.tag),
    host: q(target.host),
    port: deploy.port,
    replicas: deploy.replicas,
    sqlite,
    storage: q(deploy.storage ?? ""),
    dataClaim: dataClaim ? q(dataClaim) : false,
    ingressClass: q(settings.ingress_class),
    ingressNamespace: q(settings.ingress_namespace),
    imagePullSecret: pullSecret ? q(pullSecret) : false,
    envSecret: q(runtime.name),
    envSecrets: runtime.envSecrets.map(q),
    spreadEnabled: deploy.replicas > 1,
    spread: SPREAD_KEYS.map(q),
    tls: tls
      ? {
          clusterIssuer: tls.cluster_issuer ? q(tls.cluster_issuer) : false,
          secretName: q(tls.secret ?? `${service}-tls`),
        }
      : false,
    externalSecret: runtime.store
      ? { store: q(runtime.store.name), kind: q(runtime.store.kind), key: q(runtime.store.key) }
      : false,
    sealed: Object.entries(context.sealed ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => ({ key, value: q(value) })),
    env: Object.entries(env).map(([name, value]) => ({ name, value: q(value) })),
    mounts: [
      { name: q("tmp"), path: q("/tmp") },
      ...(sqlite ? [{ name: q("data"), path: q(DATA_DIR) }] : []),
    ],
    resources: {
      cpu: q(settings.resources.cpu),
      memory: q(settings.resources.memory),
      cpu_limit: q(settings.resources.cpu_limit),
      memory_limit: q(settings.resources.memory_limit),
    },
    baseManifests: files.base,
    manifests: files.overlay,
    labels: pairs(recommendedLabels(service)),
    selector: pairs(selectorLabels(service)),
    argocd: { namespace: q(settings.argocd.namespace), project: q(settings.argocd.project) },
    project: appProjectView(settings),
    applicationSet: q(applicationSetName(target.gitops.name)),
    repoUrl: q(`https://github.com/${target.gitops.fullName}.git`),
    imageUpdater: imageUpdater && {
      branch: q(target.gitopsBranch),
      writeBackTarget: q(`kustomization:/${target.productionPath}`),
      allowTags: q(COMMIT_SHA_TAGS),
      pullSecret: pullSecret ? q(`pullsecret:${settings.argocd.namespace}/${pullSecret}`) : false,
    },
    plain: {
      service,
      namespace: target.namespace,
      image: target.image,
      url: target.url,
      overlay: target.productionPath,
      tagFile: target.tagFile,
      repository: target.repository.fullName,
      gitops: target.gitops.fullName,
      argocdNamespace: settings.argocd.namespace,
      database: deploy.database,
      postgres: !sqlite,
      replicas: deploy.replicas,
      storage: deploy.storage ?? "",
      dataClaim: dataClaim ?? "",
      envSecret: runtime.name,
      store: runtime.store ? `${runtime.store.kind}/${runtime.store.name}` : "",
      storeKey: runtime.store?.key ?? "",
      secretsComment: `DJANGO_SECRET_KEY${sqlite ? "" : " and DATABASE_URL"} come from ${runtime.envSecrets.join(" and ")} (${runtime.mode}): see ../README.md.`,
      manual: runtime.mode === "manual",
      externalSecrets: runtime.mode === "external-secrets",
      sealedSecrets: runtime.mode === "sealed-secrets",
      handStep: runtime.handStep ?? false,
      tls: tls ? (tls.cluster_issuer ? `cert-manager (${tls.cluster_issuer})` : tls.secret) : false,
      imagePullSecret: pullSecret ?? false,
      imageUpdater,
      imageUpdaterBranch: target.gitopsBranch,
    },
  };
}

/** The files each kustomization lists, in the order a reader meets them. */
export function manifestFiles(params: { context: RenderContext }): {
  base: string[];
  overlay: string[];
} {
  const { request, settings } = params.context;
  const mode = settings.runtime_secret.mode;
  return {
    base: [
      "deployment.yaml",
      "service.yaml",
      "networkpolicy.yaml",
      ...(request.deploy.replicas > 1 ? ["pdb.yaml"] : []),
    ],
    overlay: [
      "namespace.yaml",
      ...(request.deploy.database === "sqlite" ? ["pvc.yaml"] : []),
      ...(mode === "external-secrets" ? ["externalsecret.yaml"] : []),
      ...(mode === "sealed-secrets" ? ["sealedsecret.yaml"] : []),
      "ingress.yaml",
      ...(settings.image_updater ? ["image-updater.yaml"] : []),
    ],
  };
}

/** `devportal-<gitops repo>`: one ApplicationSet per GitOps repository, recognisably ours. */
export function applicationSetName(gitopsRepository: string): string {
  const slug = gitopsRepository.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return `devportal-${slug}`.slice(0, 63).replace(/-+$/, "");
}

function pairs(labels: Record<string, string>): Pair[] {
  // Keys are this module's constants; values carry the service name, so they are quoted.
  return Object.entries(labels).map(([key, value]) => ({ key, value: yamlString(value) }));
}

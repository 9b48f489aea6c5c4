import type { RenderContext } from "../render-context.js";
import { recommendedLabels, selectorLabels } from "./recommended-labels.js";
import { yamlString } from "./yaml-string.js";

/** Where the image keeps SQLite's file: the Dockerfile's data directory, owned by USER 10001. */
export const DATA_DIR = "/app/data";

/** Full commit SHAs: the only tags the updater may deploy (never the moving `latest`). */
export const COMMIT_SHA_TAGS = "regexp:^[0-9a-f]{40}$";

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
  const envSecret = `${service}-env`;
  const imageUpdater = settings.image_updater;
  const pullSecret = settings.image_pull_secret;
  const q = yamlString;
  const env: Record<string, string> = {
    DJANGO_ALLOWED_HOSTS: target.host,
    DJANGO_DEBUG: "0",
    ...(sqlite ? { DJANGO_DATA_DIR: DATA_DIR } : {}),
  };
  return {
    service: q(service),
    namespace: q(target.namespace),
    image: q(target.image),
    tag: q(target.tag),
    host: q(target.host),
    port: deploy.port,
    replicas: deploy.replicas,
    strategy: q(sqlite ? "Recreate" : "RollingUpdate"),
    storage: q(deploy.storage ?? ""),
    dataClaim: dataClaim ? q(dataClaim) : false,
    ingressClass: q(settings.ingress_class),
    imagePullSecret: pullSecret ? q(pullSecret) : false,
    envSecret: q(envSecret),
    // SQLite services start without the Secret (Django refuses to run without its key
    // anyway); postgres ones cannot work without DATABASE_URL, so the Secret is required.
    envSecretOptional: sqlite,
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
    manifests: manifestFiles({ sqlite, imageUpdater }),
    labels: pairs(recommendedLabels(service)),
    selector: pairs(selectorLabels(service)),
    argocd: { namespace: q(settings.argocd.namespace), project: q(settings.argocd.project) },
    applicationSet: q(applicationSetName(target.gitops.name)),
    repoUrl: q(`https://github.com/${target.gitops.fullName}.git`),
    imageUpdater: imageUpdater && {
      branch: q(target.gitopsBranch),
      writeBackTarget: q(`kustomization:/${target.gitopsPath}`),
      allowTags: q(COMMIT_SHA_TAGS),
      pullSecret: pullSecret ? q(`pullsecret:${settings.argocd.namespace}/${pullSecret}`) : false,
    },
    plain: {
      service,
      namespace: target.namespace,
      image: target.image,
      url: target.url,
      repository: target.repository.fullName,
      gitops: target.gitops.fullName,
      argocdNamespace: settings.argocd.namespace,
      database: deploy.database,
      postgres: !sqlite,
      replicas: deploy.replicas,
      storage: deploy.storage ?? "",
      dataClaim: dataClaim ?? "",
      envSecret,
      imagePullSecret: pullSecret ?? false,
      imageUpdater,
      imageUpdaterBranch: target.gitopsBranch,
    },
  };
}

/** The files kustomization.yaml lists, in the order a reader meets them. */
export function manifestFiles(params: { sqlite: boolean; imageUpdater: boolean }): string[] {
  return [
    "namespace.yaml",
    ...(params.sqlite ? ["pvc.yaml"] : []),
    "deployment.yaml",
    "service.yaml",
    "ingress.yaml",
    ...(params.imageUpdater ? ["image-updater.yaml"] : []),
  ];
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

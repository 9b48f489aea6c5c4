import { z } from "zod";

/**
 * Portal settings, kept by the platform team in ONE place, the control plane: the
 * organisation's `.github` repository (file `.github/devportal.yml`) or the repository the
 * app's `DEVPORTAL_CONFIG_REPO` names. Every key is documented here, field by field.
 */

/** Only these environment variables may be named by `secrets.*.from_env`: anything else
 * (the app's private key, its webhook secret) must never be reachable from a settings file,
 * which anyone with write access to that repository can edit. */
export const SECRET_ENV_PREFIX = "DEVPORTAL_SECRET_";

export const resourcesSchema = z.strictObject({
  cpu: z.string().default("100m").describe("CPU request."),
  memory: z.string().default("256Mi").describe("Memory request."),
  cpu_limit: z.string().default("500m").describe("CPU limit."),
  memory_limit: z.string().default("512Mi").describe("Memory limit."),
});

export const secretSchema = z.strictObject({
  from_env: z
    .string()
    .describe(
      `Environment variable of the app holding the value; must start with ${SECRET_ENV_PREFIX}.`,
    ),
});

/** How services get TLS at their Ingress. Absent: plain HTTP (and URLs say http://). */
export const tlsSchema = z
  .strictObject({
    cluster_issuer: z
      .string()
      .optional()
      .describe("cert-manager ClusterIssuer that issues each service's certificate."),
    secret: z
      .string()
      .optional()
      .describe(
        "An existing kubernetes.io/tls Secret in each service's namespace (instead of cert-manager).",
      ),
  })
  .describe("TLS at the Ingress: exactly one of cluster_issuer or secret.");

/** Where each service's runtime Secret `<service>-env` (DJANGO_SECRET_KEY, DATABASE_URL)
 * comes from: never from a hand step nobody was told about. */
export const runtimeSecretSchema = z
  .strictObject({
    mode: z
      .enum(["manual", "external-secrets", "sealed-secrets"])
      .default("manual")
      .describe(
        "manual (the plan, status and READMEs give the command), external-secrets (an ExternalSecret reads a secret store) or sealed-secrets (the app seals a generated DJANGO_SECRET_KEY).",
      ),
    store: z
      .strictObject({
        name: z.string().describe("The SecretStore or ClusterSecretStore to read from."),
        kind: z
          .enum(["ClusterSecretStore", "SecretStore"])
          .default("ClusterSecretStore")
          .describe(
            "ClusterSecretStore (cluster-wide) or SecretStore (in the service's namespace).",
          ),
      })
      .optional()
      .describe("external-secrets: the store holding the values."),
    key_prefix: z
      .string()
      .default("devportal/")
      .describe(
        "external-secrets: the store key of a service is <key_prefix><service>; its properties become the Secret's keys.",
      ),
    certificate: z
      .string()
      .optional()
      .describe(
        "sealed-secrets: the controller's public certificate (PEM, `kubeseal --fetch-cert`).",
      ),
  })
  .describe("Where the runtime Secret <service>-env comes from.");

/** The settings as the platform team writes them (before `gitops_repos` gets its default). */
export const settingsObjectSchema = z.strictObject({
  owner: z
    .string()
    .optional()
    .describe("Organisation where service repositories are created (default: the installation's)."),
  request_repositories: z
    .array(z.string())
    .min(1)
    .describe(
      "the repositories (names in owner, e.g. [platform-requests]) that take requests: issues, request files, pull-request plans and commands; every other repository is ignored",
    ),
  gitops_repo: z.string().default("gitops").describe("Default Repository_B (name or owner/name)."),
  gitops_repos: z
    .array(z.string())
    .min(1)
    .optional()
    .describe(
      "The only GitOps repositories a request's deploy.gitops_repo may name (name or owner/name); default [gitops_repo], and gitops_repo must be one of them.",
    ),
  domain: z
    .string()
    .optional()
    .describe("Default host <service>.<domain>; a request's host must be under it."),
  allowed_hosts: z
    .array(z.string())
    .default([])
    .describe(
      "Hosts allowed besides those under domain: exact names (api.acme.com) or patterns whose leftmost label is * (*.apps.acme.dev: exactly one more label).",
    ),
  registry: z.string().default("ghcr.io").describe("Container registry host."),
  image_pull_secret: z
    .string()
    .optional()
    .describe("Kubernetes Secret the cluster uses to pull private images."),
  requesters: z
    .array(z.string())
    .default([])
    .describe("Team slugs allowed to request services besides users with write access."),
  visibility: z
    .enum(["private", "internal", "public"])
    .default("private")
    .describe("Visibility of every new Repository_A."),
  resources: resourcesSchema
    .default({
      cpu: "100m",
      memory: "256Mi",
      cpu_limit: "500m",
      memory_limit: "512Mi",
    })
    .describe("Requests and limits of every service container."),
  ingress_class: z.string().default("nginx").describe("ingressClassName of every Ingress."),
  argocd: z
    .strictObject({
      namespace: z.string().default("argocd").describe("Namespace of Argo CD."),
      project: z
        .string()
        .default("devportal")
        .describe(
          "The AppProject of every service, generated in k8s/appproject.yaml (never Argo CD's permissive `default`).",
        ),
    })
    .default({ namespace: "argocd", project: "devportal" })
    .describe("Where the ApplicationSet lives and which Argo CD project it uses."),
  image_updater: z
    .boolean()
    .default(false)
    .describe("Also emit an Argo CD Image Updater v1 ImageUpdater resource per service."),
  platform_team: z
    .string()
    .optional()
    .describe("Team slug mentioned when the platform must act (settings, GitOps access)."),
  tls: tlsSchema.optional(),
  runtime_secret: runtimeSecretSchema.default({ mode: "manual", key_prefix: "devportal/" }),
  ingress_namespace: z
    .string()
    .default("ingress-nginx")
    .describe("Namespace of the ingress controller: the only source the NetworkPolicy admits."),
  secrets: z
    .record(z.string(), secretSchema)
    .default({})
    .describe("Actions secrets sealed into every new Repository_A."),
});

/** The settings with every default applied; `gitops_repos` defaults to `[gitops_repo]`. */
export const settingsSchema = settingsObjectSchema.transform((settings) => ({
  ...settings,
  gitops_repos: settings.gitops_repos ?? [settings.gitops_repo],
}));

export type PortalSettings = z.output<typeof settingsSchema>;
export type PortalSettingsInput = z.input<typeof settingsSchema>;

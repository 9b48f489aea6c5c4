import { z } from "zod";

/**
 * Portal settings, kept by the platform team in `.github/devportal.yml` of the request
 * repository or of the organisation's `.github` repository.
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

export const settingsSchema = z.strictObject({
  owner: z
    .string()
    .optional()
    .describe("Organisation where service repositories are created (default: the installation's)."),
  gitops_repo: z.string().default("gitops").describe("Default Repository_B (name or owner/name)."),
  domain: z.string().optional().describe("Default host: <service>.<domain>."),
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
      project: z.string().default("default").describe("Argo CD project of the Applications."),
    })
    .default({ namespace: "argocd", project: "default" })
    .describe("Where the ApplicationSet lives and which Argo CD project it uses."),
  image_updater: z
    .boolean()
    .default(false)
    .describe("Also emit an Argo CD Image Updater v1 ImageUpdater resource per service."),
  secrets: z
    .record(z.string(), secretSchema)
    .default({})
    .describe("Actions secrets sealed into every new Repository_A."),
});

export type PortalSettings = z.infer<typeof settingsSchema>;
export type PortalSettingsInput = z.input<typeof settingsSchema>;

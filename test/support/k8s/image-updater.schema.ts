import { z } from "zod";

/**
 * The parts of Argo CD Image Updater's v1alpha1 ImageUpdater CRD that Dev Portal writes
 * (config/crd/bases/argocd-image-updater.argoproj.io_imageupdaters.yaml, v1.x), with the
 * CRD's own constraints: required fields, the alias and method patterns, minItems, and
 * "exactly one of helm or kustomize". Strict objects: a misspelt key is an error here,
 * as the API server's structural-schema pruning would silently drop it.
 */
const commonUpdateSettings = z.strictObject({
  allowTags: z.string().optional(),
  forceUpdate: z.boolean().optional(),
  ignoreTags: z.array(z.string()).optional(),
  platforms: z.array(z.string()).optional(),
  pullSecret: z
    .string()
    .regex(/^(pullsecret:[^/]+\/.+|secret:[^/]+\/.+#.+|env:.+|ext:\/.+)$/)
    .optional(),
  updateStrategy: z.enum(["semver", "newest-build", "digest", "alphabetical"]).optional(),
});

const writeBackConfig = z.strictObject({
  method: z.string().regex(/^(argocd|git|git:[a-zA-Z0-9][a-zA-Z0-9-._/:]*)$/),
  gitConfig: z
    .strictObject({
      branch: z.string().optional(),
      repository: z.string().optional(),
      writeBackTarget: z
        .string()
        .regex(/^(kustomization|helmvalues)(:.+)?$/)
        .optional(),
    })
    .optional(),
});

const image = z.strictObject({
  alias: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-._]*$/),
  imageName: z.string().min(1),
  commonUpdateSettings: commonUpdateSettings.optional(),
  manifestTargets: z
    .strictObject({
      helm: z
        .strictObject({ name: z.string(), tag: z.string(), spec: z.string().optional() })
        .optional(),
      kustomize: z.strictObject({ name: z.string() }).optional(),
    })
    .refine((targets) => (targets.helm === undefined) !== (targets.kustomize === undefined), {
      message: "Exactly one of helm or kustomize must be specified within manifestTargets",
    })
    .optional(),
});

export const imageUpdaterSchema = z.strictObject({
  apiVersion: z.literal("argocd-image-updater.argoproj.io/v1alpha1"),
  kind: z.literal("ImageUpdater"),
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().min(1) }),
  spec: z.strictObject({
    namespace: z.string().optional(),
    commonUpdateSettings: commonUpdateSettings.optional(),
    writeBackConfig: writeBackConfig.optional(),
    applicationRefs: z
      .array(
        z.strictObject({
          namePattern: z.string().min(1),
          images: z.array(image).min(1),
          commonUpdateSettings: commonUpdateSettings.optional(),
          writeBackConfig: writeBackConfig.optional(),
          labelSelectors: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .min(1),
  }),
});

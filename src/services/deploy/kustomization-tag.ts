import { parse } from "yaml";

/**
 * The `newTag` of the kustomization's `images:` entry named `image`: the tag Argo CD
 * deploys. Undefined when the entry or its tag is absent (nothing deployed by us yet).
 */
export function kustomizationTag(text: string, image: string): string | undefined {
  const images = parseKustomization(text)?.images;
  if (!Array.isArray(images)) return undefined;
  const entry = images.find((item) => item?.name === image) as { newTag?: unknown } | undefined;
  // A tag written unquoted by hand (newTag: 1234) parses as a number; it is still the tag.
  const tag = entry?.newTag;
  return typeof tag === "string" || typeof tag === "number" ? String(tag) : undefined;
}

/**
 * Whether the kustomization deploys an Argo CD Image Updater `ImageUpdater`: then the
 * updater writes later tags back itself, and the app must not race it with its own bumps.
 */
export function usesImageUpdater(text: string): boolean {
  const resources = parseKustomization(text)?.resources;
  return Array.isArray(resources) && resources.includes("image-updater.yaml");
}

function parseKustomization(text: string): { images?: unknown; resources?: unknown } | undefined {
  try {
    const document: unknown = parse(text);
    return typeof document === "object" && document !== null ? document : undefined;
  } catch {
    return undefined;
  }
}

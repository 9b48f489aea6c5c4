import { parse } from "yaml";

/**
 * The `newTag` of the kustomization's `images:` entry named `image`: the tag Argo CD
 * deploys. Undefined when the entry or its tag is absent (nothing deployed by us yet).
 */
export function kustomizationTag(text: string, image: string): string | undefined {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  if (typeof document !== "object" || document === null) return undefined;
  const images = (document as { images?: unknown }).images;
  if (!Array.isArray(images)) return undefined;
  const entry = images.find((item) => item?.name === image) as { newTag?: unknown } | undefined;
  // A tag written unquoted by hand (newTag: 1234) parses as a number; it is still the tag.
  const tag = entry?.newTag;
  return typeof tag === "string" || typeof tag === "number" ? String(tag) : undefined;
}

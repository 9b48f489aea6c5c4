import { isMap, isScalar, isSeq, parseDocument } from "yaml";

/**
 * A new image tag in a kustomization.yaml text: only the `newTag` of the `images:` entry
 * named `image` changes; comments, order and quoting stay as they were, so the commit
 * diff is exactly one line (or one added line when the entry had no tag yet).
 */
export function setKustomizationTag(text: string, params: { image: string; tag: string }): string {
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new Error(`kustomization.yaml does not parse: ${document.errors[0]?.message}`);
  const images = document.get("images", true);
  const entry = isSeq(images)
    ? images.items.find((item) => isMap(item) && item.get("name") === params.image)
    : undefined;
  if (!isMap(entry))
    throw new Error(`kustomization.yaml has no images entry named ${params.image}`);
  const current = entry.get("newTag", true);
  if (isScalar(current)) {
    // Keep the node, and with it its quoting style: a tag such as 1234567 must stay a string.
    current.value = params.tag;
  } else {
    entry.set("newTag", document.createNode(params.tag));
  }
  return document.toString({ lineWidth: 0 });
}

import { describe, expect, it } from "vitest";
import { setKustomizationTag } from "../../../src/render/repository-b/set-kustomization-tag.js";

const IMAGE = "ghcr.io/acme/orders-api";
const NEW = "0123456789abcdef0123456789abcdef01234567";

const kustomization = `# orders-api: what Argo CD deploys from this directory.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: "orders-api"
resources:
  - namespace.yaml
  - deployment.yaml
images:
  # the sidecar keeps its own tag
  - name: "docker.io/library/nginx"
    newTag: "1.27"
  - name: "${IMAGE}"
    newTag: "latest" # bumped by Dev Portal
transformers:
  - |-
    apiVersion: builtin
    kind: PatchTransformer
    metadata:
      name: image-updater-namespace
`;

/** The lines of `after` that differ from `before`, as [before, after] pairs. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, index) => (line === b[index] ? [] : [[line, b[index] as string]]));
}

describe("setKustomizationTag", () => {
  it("changes exactly the newTag line of the named image, keeping comments and quotes", () => {
    const after = setKustomizationTag(kustomization, { image: IMAGE, tag: NEW });
    expect(changedLines(kustomization, after)).toEqual([
      [
        `    newTag: "latest" # bumped by Dev Portal`,
        `    newTag: "${NEW}" # bumped by Dev Portal`,
      ],
    ]);
  });

  it("keeps an all-digit tag a string", () => {
    const after = setKustomizationTag(kustomization, { image: IMAGE, tag: "1234567" });
    expect(after).toContain(`newTag: "1234567"`);
  });

  it("adds newTag to an entry that had none", () => {
    const text = `images:\n  - name: ${IMAGE}\n`;
    expect(setKustomizationTag(text, { image: IMAGE, tag: NEW })).toBe(
      `images:\n  - name: ${IMAGE}\n    newTag: ${NEW}\n`,
    );
  });

  it("is idempotent", () => {
    const once = setKustomizationTag(kustomization, { image: IMAGE, tag: NEW });
    expect(setKustomizationTag(once, { image: IMAGE, tag: NEW })).toBe(once);
  });

  it.each([
    [
      "no entry for the image",
      "images:\n  - name: other\n    newTag: x\n",
      /no images entry named/,
    ],
    ["no images list", "resources: []\n", /no images entry named/],
    ["broken YAML", "images: [\n", /does not parse/],
  ])("refuses a kustomization with %s", (_case, text, message) => {
    expect(() => setKustomizationTag(text, { image: IMAGE, tag: NEW })).toThrow(message);
  });
});

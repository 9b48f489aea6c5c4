import { describe, expect, it } from "vitest";
import { usesImageUpdater } from "../../../src/services/deploy/gitops-state.js";
import { renderVariants } from "../../support/k8s/render-variants.js";

describe("usesImageUpdater", () => {
  it.each(renderVariants())("reads the rendered kustomization of $name", ({ rendered }) => {
    const { settings, target } = rendered.context;
    const text = rendered.repositoryB[target.tagFile] ?? "";
    expect(usesImageUpdater(text)).toBe(settings.image_updater);
  });

  it("is false for text that is not a kustomization", () => {
    expect(usesImageUpdater("{ not: [yaml")).toBe(false);
    expect(usesImageUpdater("resources: image-updater.yaml")).toBe(false);
  });
});

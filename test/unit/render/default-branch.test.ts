import { describe, expect, it } from "vitest";
import { render } from "../../../src/render/render.js";
import { formatError } from "../../../src/request/service-request.js";
import { exampleSettings, loadExample } from "../../support/django/render-example.js";

const request = loadExample("orders-api.devportal.yml");
const settings = { ...exampleSettings(), image_updater: true };

describe("default branches", () => {
  it("assume GitHub's main until the app knows the repositories", () => {
    const rendered = render({ request, settings });
    if (!rendered.ok) throw new Error(rendered.errors.map(formatError).join("\n"));
    expect(rendered.value.repositoryA[".github/workflows/ci-cd.yml"]).toContain(
      'branches: ["main"]',
    );
  });

  it("follow the names the repositories really have", () => {
    const rendered = render({ request, settings, branch: "trunk", gitopsBranch: "release/prod" });
    if (!rendered.ok) throw new Error(rendered.errors.map(formatError).join("\n"));
    expect(rendered.value.repositoryA[".github/workflows/ci-cd.yml"]).toContain(
      'branches: ["trunk"]',
    );
    expect(rendered.value.repositoryB["apps/orders-api/image-updater.yaml"]).toContain(
      '"release/prod"',
    );
  });

  it.each(["-x", "a..b", "bad branch", "end/", 'quote"'])("refuse %j", (branch) => {
    const rendered = render({ request, settings, branch });
    expect(rendered.ok).toBe(false);
    if (!rendered.ok) {
      expect(rendered.errors.map(formatError)).toEqual([
        `branch: "${branch}" is not a branch name this portal can build from`,
      ]);
    }
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { render } from "../../../src/render/render.js";
import { yamlString } from "../../../src/render/repository-b/yaml-string.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { parseSettings } from "../../../src/request/parse-settings.js";

const EXAMPLES = join(import.meta.dirname, "..", "..", "..", "examples");
const HOSTILE = `Orders": x\n---\nkind: Secret # {{service}} \${{ secrets.GITHUB_TOKEN }} <% image %>`;

function renderHostile(settingsPatch: Record<string, unknown> = {}) {
  const text = readFileSync(join(EXAMPLES, "orders-api.devportal.yml"), "utf8").replace(
    "description: Orders REST API",
    `description: ${JSON.stringify(HOSTILE)}`,
  );
  const request = parseRequest(text);
  const settings = parseSettings(readFileSync(join(EXAMPLES, "settings.yml"), "utf8"));
  if (!request.ok || !settings.ok) throw new Error("examples do not validate");
  expect(request.value.description).toBe(HOSTILE);
  const rendered = render({
    request: request.value,
    settings: { ...settings.value, ...settingsPatch },
  });
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
  return rendered.value;
}

describe("yamlString", () => {
  it.each([
    "plain",
    "a: b",
    "# not a comment",
    "*alias",
    "{flow}",
    "- item",
    "line\nbreak",
    'quote " and \\ backslash',
    "0123",
    "true",
    "",
  ])("reads back %j unchanged", (value) => {
    expect(parse(`key: ${yamlString(value)}`)).toEqual({ key: value });
  });
});

describe.each([
  ["settings.yml", {}],
  ["image_updater", { image_updater: true }],
])("a hostile description with %s", (_name, patch) => {
  const rendered = renderHostile(patch);

  it("reaches no file of Repository_B, nor the workflow", () => {
    const files = {
      ...rendered.repositoryB,
      workflow: rendered.repositoryA[".github/workflows/ci-cd.yml"] ?? "",
    };
    for (const [path, text] of Object.entries(files)) {
      expect(text.includes("kind: Secret"), path).toBe(false);
      expect(text.includes('Orders"'), path).toBe(false);
    }
  });

  it("leaves every manifest one well-formed document", () => {
    for (const [path, text] of Object.entries(rendered.repositoryB)) {
      if (!path.endsWith(".yaml")) continue;
      const documents = parseAllDocuments(text);
      expect(documents, path).toHaveLength(1);
      expect(documents[0]?.errors, path).toEqual([]);
    }
  });
});

describe("renderRepositoryB", () => {
  it("is deterministic and lists exactly the service's files and the bootstrap", () => {
    const first = renderHostile();
    const second = renderHostile();
    expect(second.repositoryB).toEqual(first.repositoryB);
    expect(Object.keys(first.repositoryB)).toEqual([
      "apps/orders-api/README.md",
      "apps/orders-api/base/deployment.yaml",
      "apps/orders-api/base/kustomization.yaml",
      "apps/orders-api/base/networkpolicy.yaml",
      "apps/orders-api/base/service.yaml",
      "apps/orders-api/ingress.yaml",
      "apps/orders-api/kustomization.yaml",
      "apps/orders-api/namespace.yaml",
      "apps/orders-api/pvc.yaml",
      "k8s/applicationset.yaml",
      "k8s/appproject.yaml",
    ]);
  });

  it("tells how to create the Secret, never containing a value for it", () => {
    const readme = renderHostile().repositoryB["apps/orders-api/README.md"] ?? "";
    expect(readme).toContain("kubectl -n orders-api create secret generic orders-api-env");
    expect(readme).toContain('DJANGO_SECRET_KEY="$(python3 -c');
  });
});

import { describe, expect, it } from "vitest";
import type { RenderContext } from "../../../src/render/render-context.js";
import { workflowView } from "../../../src/render/repository-a/workflow-view.js";
import { resolveDeployTarget } from "../../../src/render/resolve-deploy-target.js";
import { defaultSettings } from "../../../src/request/parse-settings.js";
import type { ServiceRequest } from "../../../src/request/service-request.js";

const request: ServiceRequest = {
  service: "orders-api",
  description: "Orders",
  project: "orders_api",
  app: "orders",
  cors: false,
  ci: true,
  models: [],
  api: {
    read: "authenticated",
    write: "authenticated",
    auth: ["token", "session"],
    throttle: { anonymous: "60/minute", user: "1000/minute" },
    admin: "admin",
  },
  deploy: { replicas: 1, port: 8000, storage: "1Gi", database: "sqlite" },
};

function context(settingsPatch: Partial<RenderContext["settings"]> = {}): RenderContext {
  const settings = { ...defaultSettings(), domain: "apps.acme.dev", ...settingsPatch };
  const target = resolveDeployTarget({ request, settings, owner: "AcMe" });
  if (!target.ok) throw new Error(JSON.stringify(target.errors));
  return { request, settings, target: target.value };
}

describe("workflowView", () => {
  it("quotes the lowercase image and Python's version for YAML", () => {
    const view = workflowView(context());
    expect(view.image).toBe('"ghcr.io/acme/orders-api"');
    // Unquoted, YAML would read 3.12 as a number (and 3.10 as 3.1).
    expect(view.python).toBe('"3.12"');
  });

  it("logs in to GHCR with the workflow's token", () => {
    const view = workflowView(context());
    expect([view.registry, view.registryUsername, view.registryPassword]).toEqual([
      '"ghcr.io"',
      gh("github.actor"),
      gh("secrets.GITHUB_TOKEN"),
    ]);
  });

  it("logs in to another registry with the sealed REGISTRY_* secrets", () => {
    const view = workflowView(context({ registry: "registry.acme.dev" }));
    expect(view.image).toBe('"registry.acme.dev/acme/orders-api"');
    expect([view.registryUsername, view.registryPassword]).toEqual([
      gh("secrets.REGISTRY_USERNAME"),
      gh("secrets.REGISTRY_PASSWORD"),
    ]);
  });

  it("adds a PostgreSQL service only for postgres requests", () => {
    expect(workflowView(context()).postgres).toBe(false);
    const postgres = {
      ...request,
      deploy: { replicas: 3, port: 8000, database: "postgres" as const },
    };
    const base = context();
    expect(workflowView({ ...base, request: postgres }).postgres).toBe(true);
  });
});

/** A GitHub Actions expression, `${{ body }}`. */
function gh(body: string): string {
  return `\${{ ${body} }}`;
}

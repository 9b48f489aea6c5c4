import { describe, expect, it } from "vitest";
import { renderCatalog } from "../../../src/render/repository-b/render-catalog.js";
import {
  gitopsChanges,
  parseCatalog,
  withCatalogEntry,
} from "../../../src/services/deploy/commit-gitops.js";
import { renderExample } from "../../support/django/render-example.js";

const orders = {
  service: "orders-api",
  url: "https://orders.example.com/",
  image: "ghcr.io/acme/orders-api",
  database: "sqlite",
  repository: "acme/orders-api",
};
const billing = {
  service: "billing",
  url: "https://billing.apps.acme.dev/",
  image: "ghcr.io/acme/billing",
  database: "postgres",
  repository: "acme/billing",
};

describe("the catalog README", () => {
  it("reads back every row it renders, escaped pipes included", () => {
    const odd = { ...billing, repository: "acme/billing | legacy" };
    expect(parseCatalog(renderCatalog([orders, odd]))).toEqual([odd, orders]);
  });

  it("has no rows before the first service", () => {
    expect(parseCatalog(renderCatalog([]))).toEqual([]);
    expect(parseCatalog(undefined)).toEqual([]);
  });

  it("replaces a service's row instead of adding a second", () => {
    const moved = { ...orders, url: "https://orders.acme.dev/" };
    expect(withCatalogEntry([orders, billing], moved)).toEqual([billing, moved]);
  });
});

describe("gitopsChanges", () => {
  const { repositoryB } = renderExample("orders-api.devportal.yml");

  it("bootstraps the ApplicationSet and the catalog with the first service", () => {
    const changes = gitopsChanges({
      rendered: repositoryB,
      service: "orders-api",
      entry: orders,
      current: { readme: undefined, hasApplicationSet: false },
    });
    expect(Object.keys(changes.files).sort()).toEqual([
      "README.md",
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
    ]);
    expect(changes.deletePaths).toEqual(["apps/orders-api/"]);
    expect(parseCatalog(changes.files["README.md"])).toEqual([orders]);
  });

  it("keeps the platform team's ApplicationSet and the other services' rows", () => {
    const changes = gitopsChanges({
      rendered: repositoryB,
      service: "orders-api",
      entry: orders,
      current: { readme: renderCatalog([billing]), hasApplicationSet: true },
    });
    expect(changes.files["k8s/applicationset.yaml"]).toBeUndefined();
    expect(parseCatalog(changes.files["README.md"])).toEqual([billing, orders]);
    expect(
      Object.keys(changes.files).filter((path) => !path.startsWith("apps/orders-api/")),
    ).toEqual(["README.md"]);
  });
});

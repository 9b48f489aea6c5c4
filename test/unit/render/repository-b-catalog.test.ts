import { describe, expect, it } from "vitest";
import { renderCatalog } from "../../../src/render/repository-b/render-catalog.js";

const orders = {
  service: "orders-api",
  url: "https://orders.example.com/",
  image: "ghcr.io/acme/orders-api",
  database: "sqlite",
  repository: "acme/orders-api",
};
const inventory = {
  service: "inventory",
  url: "https://inventory.apps.acme.dev/",
  image: "ghcr.io/acme/inventory",
  database: "postgres",
  repository: "acme/inventory",
};

function rows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("| ["));
}

describe("renderCatalog", () => {
  it("lists one row per service, sorted by name, whatever the input order", () => {
    const catalog = renderCatalog([orders, inventory]);
    expect(rows(catalog)).toEqual([
      "| [inventory](apps/inventory/) | https://inventory.apps.acme.dev/ | `ghcr.io/acme/inventory` | postgres | acme/inventory |",
      "| [orders-api](apps/orders-api/) | https://orders.example.com/ | `ghcr.io/acme/orders-api` | sqlite | acme/orders-api |",
    ]);
    expect(renderCatalog([inventory, orders])).toBe(catalog);
  });

  it("says so when there is no service yet", () => {
    const catalog = renderCatalog([]);
    expect(rows(catalog)).toEqual([]);
    expect(catalog).toContain("| _none yet_ |");
  });

  it("keeps a stray | or newline from breaking the table", () => {
    const [row] = rows(renderCatalog([{ ...orders, database: "a|b\nc" }]));
    expect(row).toContain("| a\\|b c |");
  });

  it("explains how the repository is deployed", () => {
    const catalog = renderCatalog([orders]);
    expect(catalog).toContain("k8s/applicationset.yaml");
    expect(catalog).toContain("newTag");
  });
});

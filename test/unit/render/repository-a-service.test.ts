import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { migrationOrder } from "../../../src/render/repository-a/migration-order.js";
import { relatedNames } from "../../../src/render/repository-a/related-names.js";
import type { Field, Model } from "../../../src/request/service-request.js";
import { renderExample } from "../../support/django/render-example.js";

const orders = renderExample("orders-api.devportal.yml");
const inventory = renderExample("inventory-postgres.devportal.yml");
const sink = renderExample("kitchen-sink.devportal.yml");

describe("the generated Django service", () => {
  it("lays out the project, the app and the build files", () => {
    expect(Object.keys(orders.repositoryA)).toEqual(
      expect.arrayContaining([
        ".dockerignore",
        ".gitignore",
        "Dockerfile",
        "README.md",
        "manage.py",
        "requirements.txt",
        "orders_api/settings.py",
        "orders_api/health.py",
        "orders_api/urls.py",
        "orders_api/wsgi.py",
        "orders_api/asgi.py",
        "orders/models.py",
        "orders/serializers.py",
        "orders/views.py",
        "orders/urls.py",
        "orders/admin.py",
        "orders/tests.py",
        "orders/migrations/__init__.py",
        "orders/migrations/0001_initial.py",
      ]),
    );
  });

  it("pins every requirement exactly, and django-cors-headers only with cors", () => {
    const pins = (text: string) =>
      text
        .split("\n")
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => line.split("  #")[0] ?? line);
    const withCors = pins(orders.repositoryA["requirements.txt"] as string);
    for (const pin of withCors) expect(pin).toMatch(/^[A-Za-z-]+(\[binary\])?==\d+(\.\d+)+$/);
    expect(withCors).toContain("django-cors-headers==4.9.0");
    expect(withCors.find((p) => p.startsWith("Django=="))).toMatch(/^Django==5\.2\.\d+$/);
    const withoutCors = inventory.repositoryA["requirements.txt"] as string;
    expect(withoutCors).not.toContain("cors");
    expect(inventory.repositoryA["inventory/settings.py"]).not.toContain("corsheaders");
    expect(orders.repositoryA["orders_api/settings.py"]).toContain(
      "corsheaders.middleware.CorsMiddleware",
    );
  });

  it("answers /healthz before any other middleware", () => {
    const settings = orders.repositoryA["orders_api/settings.py"] as string;
    const middleware = /MIDDLEWARE = \[([^\]]*)\]/.exec(settings)?.[1] ?? "";
    const first = /"([^"]+)"/.exec(middleware)?.[1];
    expect(first).toBe("orders_api.health.HealthCheckMiddleware");
  });

  it("builds a non-root image whose port comes from the environment", () => {
    const dockerfile = sink.repositoryA.Dockerfile as string;
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toContain("FROM python:3.12-slim\n");
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    // deploy.port reaches only the GitOps files (PORT): changing it needs no new image.
    expect(dockerfile).not.toContain("8080");
    expect(dockerfile).toContain('CMD ["gunicorn", "sink_project.wsgi:application"]');
    expect(sink.repositoryA["gunicorn.conf.py"]).toContain("os.environ.get('PORT', '8000')");
    expect(dockerfile).toContain("collectstatic --noinput");
  });

  it("asks Dependabot for pip, Docker and Actions updates", () => {
    const config = parse(sink.repositoryA[".github/dependabot.yml"] as string) as {
      version: number;
      updates: { "package-ecosystem": string; directory: string }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => [u["package-ecosystem"], u.directory])).toEqual([
      ["pip", "/"],
      ["docker", "/"],
      ["github-actions", "/"],
    ]);
  });

  it("creates referenced models first and adds the keys of a cycle afterwards", () => {
    const migration = sink.repositoryA["sink/migrations/0001_initial.py"] as string;
    const created = [...migration.matchAll(/CreateModel\(\s+name="(\w+)"/g)].map((m) => m[1]);
    expect(created).toEqual(["Catalog", "Shelf", "Item"]);
    expect(migration).toMatch(/AddField\(\s+model_name="catalog",\s+name="featured_item"/);
    // The self-reference stays in its CreateModel, as makemigrations writes it.
    expect(migration).toContain('("parent", models.ForeignKey("sink.shelf"');
  });
});

describe("migrationOrder", () => {
  const key = (name: string, to: string): Field => ({
    name,
    type: "foreign_key",
    to,
    required: false,
    unique: false,
  });
  const model = (name: string, ...fields: Field[]): Model => ({ name, fields });

  it("keeps request order when nothing forces another", () => {
    const order = migrationOrder([model("A"), model("B")]);
    expect(order.models.map((m) => m.name)).toEqual(["A", "B"]);
    expect(order.deferred).toEqual([]);
  });

  it("moves a referenced model before its referrer", () => {
    const order = migrationOrder([model("Child", key("parent", "Parent")), model("Parent")]);
    expect(order.models.map((m) => m.name)).toEqual(["Parent", "Child"]);
  });

  it("defers exactly the key that closes a cycle", () => {
    const order = migrationOrder([model("A", key("b", "B")), model("B", key("a", "A"))]);
    expect(order.models.map((m) => m.name)).toEqual(["A", "B"]);
    expect(order.deferred.map((d) => `${d.model.name}.${d.field.name}`)).toEqual(["A.b"]);
  });
});

describe("relatedNames", () => {
  const key = (name: string, to: string): Field => ({
    name,
    type: "foreign_key",
    to,
    required: true,
    unique: false,
  });

  it("uses the plural, and names the key when two keys share a target or a name is taken", () => {
    const names = relatedNames([
      {
        name: "Order",
        fields: [{ name: "line_items", type: "text", required: true, unique: false }],
      },
      { name: "LineItem", fields: [key("order", "Order")] },
      { name: "Transfer", fields: [key("source", "Account"), key("target", "Account")] },
      { name: "Account", fields: [] },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      "LineItem.order": "line_items_by_order",
      "Transfer.source": "transfers_by_source",
      "Transfer.target": "transfers_by_target",
    });
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseRequest } from "../../../src/request/parse-request.js";
import { formatError } from "../../../src/request/service-request.js";
import { toRequestDocument } from "../../../src/request/to-request-document.js";

const examples = join(import.meta.dirname, "..", "..", "..", "examples");
const orders = readFileSync(join(examples, "orders-api.devportal.yml"), "utf8");

function valid(text: string) {
  const result = parseRequest(text);
  if (!result.ok) throw new Error(result.errors.map(formatError).join("\n"));
  return result.value;
}

describe("parseRequest", () => {
  it("reads the DESIGN example with its shorthand and defaults", () => {
    const request = valid(orders);
    expect(request.service).toBe("orders-api");
    expect(request.project).toBe("orders_api");
    expect(request.app).toBe("orders");
    const lineItem = request.models[1];
    expect(lineItem?.fields.find((f) => f.name === "sku")).toEqual({
      name: "sku",
      type: "string",
      required: true,
      unique: false,
      max_length: 255,
    });
    expect(lineItem?.fields.find((f) => f.name === "order")).toMatchObject({
      type: "foreign_key",
      to: "Order",
      on_delete: "cascade",
    });
    // A default or a server-filled value makes a field optional for clients.
    const order = request.models[0];
    expect(order?.fields.find((f) => f.name === "paid")?.required).toBe(false);
    expect(order?.fields.find((f) => f.name === "placed_at")?.required).toBe(false);
    expect(request.deploy).toEqual({
      gitops_repo: "gitops",
      host: "orders.example.com",
      replicas: 1,
      port: 8000,
      storage: "1Gi",
      database: "sqlite",
    });
  });

  it("derives project and app, and gives a postgres service no volume", () => {
    const request = valid(
      "service: billing-core\nmodels:\n  - name: Invoice\n    fields:\n      number: string\ndeploy:\n  database: postgres\n  replicas: 3\n",
    );
    expect(request.project).toBe("billing_core");
    expect(request.app).toBe("api");
    expect(request.cors).toBe(false);
    expect(request.ci).toBe(true);
    expect(request.deploy.storage).toBeUndefined();
    expect(request.deploy.replicas).toBe(3);
  });

  it("round-trips through the request record document", () => {
    const request = valid(orders);
    const again = valid(stringify(toRequestDocument(request)));
    expect(again).toEqual(request);
  });

  it("keeps hostile free text as data", () => {
    const text = `service: notes\ndescription: "Quotes \\" ' and {{ mustache }} and $(rm -rf /) and \`ticks\`\\nsecond line — ünïcödé"\nmodels:\n  - name: Note\n    fields:\n      body: { type: text, help_text: "\\"\\"\\" triple quotes \\\\ backslash" }\n`;
    const request = valid(text);
    expect(request.description).toContain("$(rm -rf /)");
    expect(request.description).toContain("\n");
    expect(request.models[0]?.fields[0]?.help_text).toBe('""" triple quotes \\ backslash');
  });

  it("refuses a document over 256 KiB before parsing it", () => {
    const big = `service: big\ndescription: "${"x".repeat(300 * 1024)}"\n`;
    const result = parseRequest(big, "big.yml");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map(formatError)).toEqual([
        "big.yml is 301 KiB; the limit is 256 KiB. Split the models into fewer, smaller requests.",
      ]);
    }
  });

  it("refuses several YAML documents in one file", () => {
    const result = parseRequest("service: a\n---\nservice: b\n", "two.yml");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatError(result.errors[0] ?? { path: "", message: "" })).toMatch(
        /two\.yml holds 2 YAML documents \(separated by ---\): keep one\./,
      );
  });

  it("refuses duplicate keys instead of silently keeping the last", () => {
    const result = parseRequest("service: a\nservice: b\nmodels: []\n", "dup.yml");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map(formatError)[0]).toMatch(/dup\.yml: YAML syntax error at line 2/);
  });
});

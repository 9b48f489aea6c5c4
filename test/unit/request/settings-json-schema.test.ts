import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingsJsonSchema } from "../../../src/request/settings-json-schema.js";
import {
  settingsRows,
  settingsTable,
  withSettingsTable,
} from "../../../src/request/settings-table.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("schema/devportal-settings.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `npm run schema` when this fails)", () => {
    const path = join(ROOT, "schema", "devportal-settings.schema.json");
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(settingsJsonSchema());
  });

  it("refuses unknown keys for editors, as the app does", () => {
    const schema = settingsJsonSchema() as { additionalProperties?: unknown; title?: string };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.title).toBe("Dev Portal settings");
  });
});

describe("the settings table in docs/settings.md", () => {
  it("is the table generated from the zod schema (run `npm run schema` when this fails)", () => {
    const document = readFileSync(join(ROOT, "docs", "settings.md"), "utf8");
    expect(document).toContain(settingsTable());
    expect(withSettingsTable(document)).toBe(document);
  });

  it("says what every key does", () => {
    const undescribed = settingsRows().filter((row) => row.description.trim() === "");
    expect(undescribed.map((row) => row.key)).toEqual([]);
  });

  it("lists nested keys and map entries with their defaults", () => {
    const rows = Object.fromEntries(settingsRows().map((row) => [row.key, row]));
    expect(rows["resources.cpu"]).toMatchObject({ type: "string", default: '"100m"' });
    expect(rows["secrets.<NAME>.from_env"]).toMatchObject({ type: "string", default: "" });
    expect(rows.visibility?.type).toBe('"private" \\| "internal" \\| "public"');
  });

  it("escapes what Markdown would read as HTML", () => {
    expect(settingsTable()).toContain("&lt;service&gt;.&lt;domain&gt;");
  });

  it("refuses a document whose markers were removed", () => {
    expect(() => withSettingsTable("# no table here\n")).toThrow(/markers are missing/);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requestJsonSchema } from "../../../src/request/request-json-schema.js";

describe("schema/devportal.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `npm run schema` when this fails)", () => {
    const path = join(import.meta.dirname, "..", "..", "..", "schema", "devportal.schema.json");
    const committed = JSON.parse(readFileSync(path, "utf8"));
    expect(committed).toEqual(requestJsonSchema());
  });

  it("describes the field shorthand and refuses unknown keys for editors", () => {
    const schema = requestJsonSchema() as { additionalProperties?: unknown; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["service", "models"]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRequest } from "../../../src/request/parse-request.js";
import { formatError } from "../../../src/request/service-request.js";

// Each fixture is an invalid request whose `# expect: ` header lines are the exact messages
// the user must see, in order: the table of this test lives next to its data.
const dir = join(import.meta.dirname, "..", "..", "fixtures", "invalid");
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith(".yml"))
  .sort();

describe("invalid requests", () => {
  it("has a fixture corpus of at least 30 requests", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)("%s is refused with its exact messages", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const expected = text
      .split("\n")
      .filter((line) => line.startsWith("# expect: "))
      .map((line) => line.slice("# expect: ".length));
    expect(expected.length, "a fixture must say what it expects").toBeGreaterThan(0);
    const result = parseRequest(text, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatError)).toEqual(expected);
  });
});

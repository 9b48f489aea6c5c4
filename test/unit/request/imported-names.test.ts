import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateRequest } from "../../../src/request/parse-request.js";
import {
  IMPORTED_NAMES,
  IMPORTED_NAMES_FIELDS_MAY_USE,
} from "../../../src/request/rules/python-names.js";
import { formatError } from "../../../src/request/service-request.js";

const APP = join(import.meta.dirname, "..", "..", "..", "templates", "service", "__app__");

/** Every name the app templates bind by import (`import x`, `from y import a, b`). */
function importedNames(): string[] {
  const names = new Set<string>();
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".py"),
  );
  for (const file of files) {
    for (const line of readFileSync(join(APP, file), "utf8").split("\n")) {
      const from = /^\s*from\s+\S+\s+import\s+(.+)$/.exec(line);
      const plain = /^\s*import\s+([\w.]+)(?:\s+as\s+(\w+))?/.exec(line);
      if (from?.[1]) {
        for (const part of from[1].split(",")) {
          const [name, alias] = part.trim().split(/\s+as\s+/);
          if (alias ?? name) names.add((alias ?? name) as string);
        }
      } else if (plain?.[1]) names.add(plain[2] ?? (plain[1].split(".")[0] as string));
    }
  }
  return [...names].sort();
}

describe("field names that would hide the generated code's imports", () => {
  it("every snake_case name the app templates import is refused or exempt with a reason", () => {
    const snake = importedNames().filter((name) => /^[a-z][a-z0-9_]*$/.test(name));
    expect(snake.length).toBeGreaterThan(5);
    for (const name of snake) {
      expect(
        IMPORTED_NAMES.has(name) || IMPORTED_NAMES_FIELDS_MAY_USE.has(name),
        `templates import "${name}": add it to IMPORTED_NAMES (or exempt it with a reason)`,
      ).toBe(true);
    }
  });

  it.each([...IMPORTED_NAMES])("a field named %s is refused, naming the fix", (name) => {
    const result = validateRequest({
      service: "orders",
      models: [{ name: "Order", fields: { [name]: "string", total: "decimal" } }],
    });
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      `models[0].fields.${name}: "${name}" would hide the module ${name} that the generated code imports, and the service could not start: rename the field (e.g. ${name}_value)`,
    ]);
  });

  it("status stays a valid field name", () => {
    const result = validateRequest({
      service: "orders",
      models: [{ name: "Order", fields: { status: "string" } }],
    });
    expect(result.ok).toBe(true);
  });
});

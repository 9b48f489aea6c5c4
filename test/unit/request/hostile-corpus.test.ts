import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedMessages, hostileOutcome } from "../../support/hostile-outcome.js";

// The pure core's hostile corpus: what an organisation member can write through the two doors
// (`.yml`: a request file; `.form.md`: an issue-form body) to hide a name, crash the renderer
// or deploy where the platform does not allow. Each fixture's header holds the exact messages,
// in order; the app's own corpus adds the events, commands and records on top.
const dir = join(import.meta.dirname, "..", "..", "fixtures", "hostile");
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith(".yml") || name.endsWith(".form.md"))
  .sort();

describe("hostile corpus", () => {
  it("covers both doors, with at least 40 cases", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(fixtures.filter((name) => name.endsWith(".form.md")).length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures)("%s is refused with its exact messages", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const expected = expectedMessages(name, text);
    expect(expected.length, "a fixture must say what it expects").toBeGreaterThan(0);
    const messages = hostileOutcome(name, text);
    expect(messages).toEqual(expected);
    // Shown, never stripped or leaked raw: no message carries an invisible character.
    for (const message of messages) {
      expect(message).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      expect(message).not.toMatch(/undefined|Maximum call stack/);
    }
  });

  it("an oversize request is refused before parsing", () => {
    const text = `service: orders\ndescription: "${"x".repeat(300 * 1024)}"\n`;
    expect(hostileOutcome("big.yml", text)).toEqual([
      "big.yml is 301 KiB; the limit is 256 KiB. Split the models into fewer, smaller requests.",
    ]);
  });
});

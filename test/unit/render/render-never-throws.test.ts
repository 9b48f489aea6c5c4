import { describe, expect, it } from "vitest";
import { render } from "../../../src/render/render.js";
import { validateRequest } from "../../../src/request/parse-request.js";
import { formatError } from "../../../src/request/service-request.js";
import { exampleSettings } from "../../support/django/render-example.js";
import { randomRawRequest } from "../../support/random/random-raw-request.js";
import { randomRequest } from "../../support/random/random-request.js";

// Property: everything that validates renders. A request that passes validation but throws in
// the renderer reaches a handler as a crash, and the person sees nothing.
const settings = exampleSettings();
const SEEDS = Array.from({ length: 1500 }, (_, i) => i + 1);

describe("render never throws on a request that validated", () => {
  it("random requests from the whole schema space: validate, then render", () => {
    let valid = 0;
    for (const seed of SEEDS) {
      const raw = randomRawRequest(seed);
      const request = validateRequest(raw);
      if (!request.ok) continue;
      valid += 1;
      let rendered: ReturnType<typeof render>;
      try {
        rendered = render({ request: request.value, settings });
      } catch (error) {
        throw new Error(`seed ${seed} validated but render threw: ${String(error)}`);
      }
      expect(rendered.ok ? [] : rendered.errors.map(formatError), `seed ${seed}`).toEqual([]);
    }
    // The property means nothing if almost nothing validates: keep the generator honest.
    expect(valid).toBeGreaterThan(100);
  });

  it("the generator of valid requests: every draw renders", () => {
    for (const seed of SEEDS.slice(0, 300)) {
      const rendered = render({ request: randomRequest(seed), settings });
      expect(rendered.ok, `seed ${seed}`).toBe(true);
    }
  });
});

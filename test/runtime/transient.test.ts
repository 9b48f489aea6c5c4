import { describe, expect, it } from "vitest";
import {
  MAX_ATTEMPTS,
  retryNote,
  retryPlan,
  transientReason,
} from "../../src/runtime/transient.js";

const httpError = (status: number, message = "", headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } });

describe("which failures heal by waiting", () => {
  it.each([
    ["502", httpError(502, "Bad Gateway"), "server"],
    ["503", httpError(503), "server"],
    [
      "secondary rate limit",
      httpError(403, "You have exceeded a secondary rate limit"),
      "rate-limit",
    ],
    ["403 with retry-after", httpError(403, "Forbidden", { "retry-after": "30" }), "rate-limit"],
    [
      "primary rate limit",
      httpError(403, "API rate limit exceeded", { "x-ratelimit-remaining": "0" }),
      "rate-limit",
    ],
    ["429", httpError(429), "rate-limit"],
    [
      "connection reset (octokit wraps it as 500)",
      Object.assign(httpError(500, "fetch failed"), { cause: { code: "ECONNRESET" } }),
      "network",
    ],
    ["bare reset", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "network"],
    ["403 permission", httpError(403, "Resource not accessible by integration"), undefined],
    ["404", httpError(404, "Not Found"), undefined],
    ["422", httpError(422, "Validation Failed"), undefined],
    ["a bug", new TypeError("x is undefined"), undefined],
  ])("%s", (_name, error, reason) => {
    expect(transientReason(error)).toBe(reason);
  });
});

describe("when to try again", () => {
  const now = Date.UTC(2026, 10, 30, 20, 0, 0);

  it("honours retry-after", () => {
    const plan = retryPlan(httpError(403, "secondary rate limit", { "retry-after": "60" }), 0, now);
    expect(plan?.delayMs).toBe(60_000);
    expect(plan && retryNote(plan)).toBe("GitHub asked us to slow down; retrying at 20:01:00 UTC");
  });

  it("waits for x-ratelimit-reset when the quota is spent", () => {
    const reset = String(now / 1000 + 120);
    const error = httpError(403, "API rate limit exceeded", {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": reset,
    });
    expect(retryPlan(error, 0, now)?.delayMs).toBe(121_000);
  });

  it("doubles from one second, capped at five minutes, and gives up after MAX_ATTEMPTS", () => {
    const delays = Array.from(
      { length: MAX_ATTEMPTS - 1 },
      (_, attempt) => retryPlan(httpError(502), attempt, now)?.delayMs,
    );
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...(delays as number[]))).toBe(300_000);
    expect(retryPlan(httpError(502), MAX_ATTEMPTS - 1, now)).toBeUndefined();
  });

  it("never retries what waiting cannot fix", () => {
    expect(retryPlan(httpError(404), 0, now)).toBeUndefined();
  });
});

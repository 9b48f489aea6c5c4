import { describe, expect, it } from "vitest";
import { withKeyLock } from "../../../src/services/with-key-lock.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("withKeyLock", () => {
  it("runs work for one key one at a time, in arrival order, even after a failure", async () => {
    const events: string[] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await tick();
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      withKeyLock("gitops#orders", job("a", true)),
      withKeyLock("gitops#orders", job("b")),
      withKeyLock("gitops#orders", job("c")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(events).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("lets different keys run side by side", async () => {
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };
    await Promise.all([withKeyLock("gitops#a", job("a")), withKeyLock("gitops#b", job("b"))]);
    expect(events.slice(0, 2)).toEqual(["a start", "b start"]);
  });
});

import { describe, expect, it } from "vitest";
import { didYouMean } from "../../../src/request/rules/did-you-mean.js";

describe("didYouMean", () => {
  it.each([
    ["Ordr", ["Order", "LineItem"], "Order"],
    ["replica", ["replicas", "port", "host"], "replicas"],
    ["lineitem", ["Order", "LineItem"], "LineItem"],
    ["zzz", ["Order", "LineItem"], undefined],
    ["x", [], undefined],
  ])("%s among %j -> %s", (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { decideAncestry, short } from "../../../src/services/deploy/decide.js";

const DEPLOYED = "a".repeat(40);
const CANDIDATE = "b".repeat(40);

describe("decideAncestry", () => {
  it.each([
    ["ahead", "forward"],
    ["behind", "none"],
    ["identical", "none"],
    ["diverged", "refuse"],
    [undefined, "refuse"],
  ] as const)("compare status %s -> %s", (relation, move) => {
    expect(decideAncestry({ deployed: DEPLOYED, candidate: CANDIDATE, relation }).move).toBe(move);
  });

  it("never moves onto the tag already deployed, whatever compare said", () => {
    expect(decideAncestry({ deployed: DEPLOYED, candidate: DEPLOYED, relation: "ahead" })).toEqual({
      move: "none",
      reason: "aaaaaaa is deployed",
    });
  });

  it("moves forward from a tag that is not a commit (an offline render's latest)", () => {
    expect(decideAncestry({ deployed: "latest", candidate: CANDIDATE })).toEqual({
      move: "forward",
    });
  });

  it("explains a late old run in short SHAs", () => {
    expect(
      decideAncestry({ deployed: DEPLOYED, candidate: CANDIDATE, relation: "behind" }),
    ).toEqual({
      move: "none",
      reason: "bbbbbbb is older than the deployed aaaaaaa",
    });
    expect(short("latest")).toBe("latest");
  });
});

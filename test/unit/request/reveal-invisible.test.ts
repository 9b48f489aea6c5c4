import { describe, expect, it } from "vitest";
import {
  describeCharacter,
  revealErrors,
  showInvisible,
} from "../../../src/request/reveal-invisible.js";

describe("invisible characters are shown by code point", () => {
  it.each([
    ["\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"],
    ["\u200b", "U+200B ZERO WIDTH SPACE"],
    ["\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"],
    ["\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"],
    ["\u0007", "U+0007 (a control character)"],
    ["\ue000", "U+E000 (a private-use character)"],
    ["\u{e0041}", "U+E0041 (an invisible format character)"],
  ])("%j is %s", (char, description) => {
    expect(describeCharacter(char)).toBe(description);
  });

  it("replaces each, keeping everything visible as it is", () => {
    expect(showInvisible("a\u202eb\u200bc ü 🚀")).toBe("a<U+202E>b<U+200B>c ü 🚀");
  });

  it("leaves messages without them untouched", () => {
    const errors = [{ path: "service", message: '"Orders" is not valid' }];
    expect(revealErrors(errors)).toEqual(errors);
  });

  it("names every distinct character once, in path or message", () => {
    expect(
      revealErrors([{ path: "models[0].fields.a\u200b", message: '"a\u200b\u200b\u202e" bad' }]),
    ).toEqual([
      {
        path: "models[0].fields.a<U+200B>",
        message:
          '"a<U+200B><U+200B><U+202E>" bad (it contains U+200B ZERO WIDTH SPACE and U+202E RIGHT-TO-LEFT OVERRIDE, invisible: delete them)',
      },
    ]);
  });
});

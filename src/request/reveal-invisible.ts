import type { ValidationError } from "./service-request.js";

/**
 * Characters a reader cannot see, or that reorder what they see: controls, format characters
 * (zero-width, bidirectional overrides and isolates), separators, surrogates and private-use
 * or unassigned code points. A name holding one looks valid in the message that rejects it,
 * and Markdown escaping strips them, so messages show them by code point instead.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}\u00a0\u115f\u1160\u3164\uffa0]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");

/** Unicode names of the invisible characters people actually meet (JavaScript has no name
 * table); others are described by their category. */
const NAMES: Record<number, string> = {
  0: "NULL",
  9: "CHARACTER TABULATION",
  10: "LINE FEED",
  13: "CARRIAGE RETURN",
  27: "ESCAPE",
  127: "DELETE",
  160: "NO-BREAK SPACE",
  173: "SOFT HYPHEN",
  847: "COMBINING GRAPHEME JOINER",
  1564: "ARABIC LETTER MARK",
  4447: "HANGUL CHOSEONG FILLER",
  4448: "HANGUL JUNGSEONG FILLER",
  6158: "MONGOLIAN VOWEL SEPARATOR",
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8206: "LEFT-TO-RIGHT MARK",
  8207: "RIGHT-TO-LEFT MARK",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8288: "WORD JOINER",
  8289: "FUNCTION APPLICATION",
  8290: "INVISIBLE TIMES",
  8291: "INVISIBLE SEPARATOR",
  8292: "INVISIBLE PLUS",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
  12644: "HANGUL FILLER",
  65279: "ZERO WIDTH NO-BREAK SPACE",
  65440: "HALFWIDTH HANGUL FILLER",
};

/** `U+202E`. */
export function codePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+E000 (a private-use character)`. */
export function describeCharacter(char: string): string {
  const name = NAMES[char.codePointAt(0) ?? 0];
  if (name) return `${codePoint(char)} ${name}`;
  const kind = /\p{Cc}/u.test(char)
    ? "a control character"
    : /\p{Co}/u.test(char)
      ? "a private-use character"
      : /\p{Cs}/u.test(char)
        ? "a lone surrogate"
        : /\p{Cn}/u.test(char)
          ? "an unassigned code point"
          : "an invisible format character";
  return `${codePoint(char)} (${kind})`;
}

/** The text with every invisible character replaced by `<U+XXXX>`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, (char) => `<${codePoint(char)}>`);
}

/** The distinct invisible characters of `text`, described, in order of appearance. */
export function invisibleCharacters(text: string): string[] {
  return [...new Set(text.match(INVISIBLE_ALL) ?? [])].map(describeCharacter);
}

/**
 * Make every message show what it rejects: invisible characters in its path or message become
 * `<U+XXXX>`, and the message says which characters they are and to delete them. Messages
 * without any are returned unchanged.
 */
export function revealErrors(errors: readonly ValidationError[]): ValidationError[] {
  return errors.map((error) => {
    const found = invisibleCharacters(error.path + error.message);
    if (found.length === 0) return error;
    const list =
      found.length === 1 ? found[0] : `${found.slice(0, -1).join(", ")} and ${found.at(-1)}`;
    return {
      path: showInvisible(error.path),
      message: `${showInvisible(error.message)} (it contains ${list}, invisible: delete ${found.length === 1 ? "it" : "them"})`,
    };
  });
}

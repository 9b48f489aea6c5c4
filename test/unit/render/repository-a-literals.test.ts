import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../../src/render/markdown-text.js";
import { pyDocstring, pyLiteral, pyString } from "../../../src/render/python/python-literal.js";
import { PYTHON, requireDjangoTools } from "../../support/django/python-tools.js";

const HOSTILE = [
  "plain",
  'quotes " and \' and """ triple',
  "back\\slash and trailing \\",
  "new\nline\r\ncarriage\ttab",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose.
  "{{ mustache }} {{{ raw }}} $(rm -rf /) `id` ${HOME}",
  "nul\u0000 bell\u0007 del\u007f",
  "bidi \u202Eevil\u202C and zero\u200Bwidth, line\u2028sep",
  "ünïcödé ✓ 漢字 🚀",
  "lone surrogate \uD800 end",
];

/** What Python itself reads back from each literal (literal_eval parses, never runs). */
function pythonReads(literals: string[]): string[] {
  requireDjangoTools();
  const script =
    "import ast, json, sys\nfor line in sys.stdin.read().splitlines():\n    print(json.dumps(ast.literal_eval(line)))";
  const out = execFileSync(PYTHON, ["-c", script], {
    input: literals.join("\n"),
    encoding: "utf8",
  });
  return out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as string);
}

describe("pyString", () => {
  it("gives one-line literals that Python reads back as the exact text", () => {
    const literals = HOSTILE.map(pyString);
    const raw = ["\n", "\r", "\u0000", "\u202E", "\u2028"];
    for (const literal of literals) for (const char of raw) expect(literal).not.toContain(char);
    // A lone surrogate cannot survive JSON/UTF-8 transport; compare it as its escape.
    const expected = HOSTILE.map((text) => text.replace("\uD800", "\\ud800"));
    const read = pythonReads(literals).map((text) => text.replace("\uD800", "\\ud800"));
    expect(read).toEqual(expected);
  });

  it("escapes quotes and backslashes the way Python writes them", () => {
    expect(pyString('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    expect(pyString("a\u0000b")).toBe('"a\\x00b"');
    expect(pyString("\u202E")).toBe('"\\u202e"');
  });
});

describe("pyDocstring", () => {
  it.each([
    ["Orders of a customer.", '"""Orders of a customer."""'],
    ['has "quotes"', '"has \\"quotes\\""'],
    ["two\nlines", '"two\\nlines"'],
    ["ends with \\", '"ends with \\\\"'],
  ])("%j -> %s", (text, literal) => {
    expect(pyDocstring(text)).toBe(literal);
  });
});

describe("pyLiteral", () => {
  it("writes JSON data as Python data", () => {
    expect(pyLiteral({ a: [1, 2.5, true, false, null], 'b"': { c: "d" } })).toBe(
      '{"a": [1, 2.5, True, False, None], "b\\"": {"c": "d"}}',
    );
  });

  it("refuses numbers JavaScript has already rounded", () => {
    expect(() => pyLiteral(2 ** 60)).toThrow(/2\^53/);
    expect(() => pyLiteral(Number.NaN)).toThrow(/finite/);
  });
});

describe("markdownText", () => {
  it.each([
    ["# heading", "\\# heading"],
    ["<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\<\\/script\\>"],
    ["[link](javascript:x)", "\\[link\\]\\(javascript\\:x\\)"],
    ["    four spaces", "four spaces"],
    ["1. item", "1\\. item"],
    ["a | b", "a \\| b"],
    ["@team &amp; `code`", "\\@team \\&amp\\; \\`code\\`"],
    ["ünïcödé ✓", "ünïcödé ✓"],
  ])("%j renders as the words themselves", (text, markdown) => {
    expect(markdownText(text)).toBe(markdown);
  });

  it("leaves no ASCII punctuation unescaped", () => {
    const text = HOSTILE.join("\n");
    const unescaped = markdownText(text).replace(/\\[!-/:-@[-`{-~]/g, "");
    expect(unescaped).not.toMatch(/[!-/:-@[-`{-~]/);
  });
});

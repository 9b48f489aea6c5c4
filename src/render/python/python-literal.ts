/**
 * Python source literals for values that come from a request. Free text (descriptions,
 * help_text) can hold quotes, backslashes, newlines, `"""`, template braces and any unicode:
 * it reaches generated code only through these functions, never pasted between quotes.
 */

/** Characters that must never appear raw in generated source: controls (a NUL is a syntax
 * error, a newline ends the literal), format characters (bidirectional overrides can make
 * code read differently from how it runs), line/paragraph separators, lone surrogates (not
 * encodable in UTF-8), private-use and unassigned code points. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/gu;

const SHORT_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** A double-quoted Python `str` literal that evaluates to exactly `text`. */
export function pyString(text: string): string {
  const body = text
    .replace(/["\\\n\r\t]/g, (char) => SHORT_ESCAPES[char] as string)
    .replace(UNSAFE, (char) => codePointEscape(char.codePointAt(0) as number));
  return `"${body}"`;
}

function codePointEscape(code: number): string {
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/** A Python number literal. Integers stay integers (Python ints are unbounded, but a JS
 * number past 2^53 has already lost digits, so refuse it rather than emit a wrong value). */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  if (Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) throw new Error(`integer beyond 2^53: ${value}`);
    return String(value);
  }
  // JS prints the shortest round-tripping form, as Python's repr does; exponents (1e-7)
  // are valid Python float syntax too.
  return String(value);
}

/** JSON-shaped data (what YAML and HTTP bodies carry). */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** The Python literal of JSON-shaped data: dicts, lists, str, int/float, bool, None. */
export function pyLiteral(value: JsonValue): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${pyString(key)}: ${pyLiteral(item)}`,
  );
  return `{${entries.join(", ")}}`;
}

/** `decimal.Decimal("12.50")`: exact, unlike a float literal (needs `import decimal`). */
export function pyDecimal(value: number | string): string {
  const text = typeof value === "number" ? pyNumber(value) : value;
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) throw new Error(`not a decimal: ${text}`);
  return `decimal.Decimal(${pyString(text)})`;
}

/** A docstring: `"""text"""` when the text can stand between triple quotes as it is (one
 * line, no quote, backslash or unsafe character), else an escaped literal, which Python
 * takes as the docstring just the same. */
export function pyDocstring(text: string): string {
  const plain = !/["\\\n\r]/.test(text) && !new RegExp(UNSAFE.source, "u").test(text);
  return plain ? `"""${text}"""` : pyString(text);
}

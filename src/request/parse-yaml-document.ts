import { Composer, type CST, isMap, isNode, isPair, isScalar, isSeq, Lexer, Parser } from "yaml";
import { formatPath } from "./format-path.js";
import { revealErrors } from "./reveal-invisible.js";
import type { Result, ValidationError } from "./service-request.js";

/** Requests are hand-written: 256 KiB is far beyond any real one and bounds parse cost. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Alias expansion is what makes a "billion laughs" document explode; real requests need
 * none, so a handful is plenty. */
const MAX_ALIAS_COUNT = 50;

/** A request is five levels deep (request, models, model, fields, field) and settings four;
 * the YAML library's recursive composer overflows the stack near a thousand, and would then
 * report "Maximum call stack size exceeded" as if it were a syntax error. */
export const MAX_NESTING = 20;

/**
 * Parse one YAML document into a plain object, refusing what no request needs: oversize
 * input, alias bombs, merge keys, deep nesting, several documents and anything that is not a
 * mapping. `source` names the input in messages (a file path, "the issue form").
 */
export function parseYamlDocument(text: string, source: string): Result<Record<string, unknown>> {
  const value = parseYamlValue(text, source);
  if (!value.ok) return value;
  if (value.value === null) return fail(`${source} is empty: write a request mapping.`);
  if (typeof value.value !== "object" || Array.isArray(value.value)) {
    return fail(`${source} must be a YAML mapping (key: value lines), not a list or a scalar.`);
  }
  return { ok: true, value: value.value as Record<string, unknown> };
}

/**
 * Parse one YAML document of any shape (the issue form's models answer is a list) with the
 * same limits. `base` prefixes the paths of merge-key messages (e.g. `["models"]`).
 */
export function parseYamlValue(
  text: string,
  source: string,
  base: readonly PropertyKey[] = [],
): Result<unknown> {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) {
    return fail(
      `${source} is ${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KiB. Split the models into fewer, smaller requests.`,
    );
  }
  const at = (offset: number) => positionOf(text, offset);
  // Deep input is refused before the parser spends seconds building a tree it would throw
  // away: block nesting needs indentation (or `- ` prefixes), flow nesting needs brackets.
  const indented = deepIndentOffset(text);
  if (indented !== undefined) {
    return fail(
      `${source} is nested too deeply at ${at(indented)} (indentation and "- " prefixes pass ${MAX_INDENT} columns): a request needs five levels at most; flatten it.`,
    );
  }
  const flow = deepFlowOffset(text);
  if (flow !== undefined) return fail(tooDeep(source, at(flow)));
  const tokens = [...new Parser().parse(text)];
  const deep = deepBlockOffset(tokens);
  if (deep !== undefined) return fail(tooDeep(source, at(deep)));
  const documents = [
    ...new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, text.length),
  ];
  if (documents.length > 1) {
    return fail(`${source} holds ${documents.length} YAML documents (separated by ---): keep one.`);
  }
  const document = documents[0];
  if (!document) return { ok: true, value: null };
  if (document.errors.length > 0) {
    const errors: ValidationError[] = document.errors.map((error) => ({
      path: "",
      message: `${source}: YAML syntax error at ${at(error.pos[0])}: ${firstLine(error.message)}`,
    }));
    return { ok: false, errors: revealErrors(errors) };
  }
  const unsupported = unsupportedYaml(document, base);
  if (unsupported.length > 0) return { ok: false, errors: revealErrors(unsupported) };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    return fail(`${source} uses YAML aliases too heavily (${reason}); write the values out.`);
  }
}

function fail(message: string): { ok: false; errors: ValidationError[] } {
  return { ok: false, errors: revealErrors([{ path: "", message }]) };
}

function tooDeep(source: string, where: string): string {
  return `${source} is nested too deeply (more than ${MAX_NESTING} levels) at ${where}: a request needs five levels at most; flatten it.`;
}

/** A block collection nests only by indenting further (`- ` and `? ` prefixes count as
 * indentation), so this many leading columns bound the block depth the parser can meet. */
export const MAX_INDENT = 120;

/** Offset of the first line whose indentation and sequence/key prefixes pass MAX_INDENT. */
function deepIndentOffset(text: string): number | undefined {
  const prefix = /^(?:[ \t]|[-?:](?=[ \t]))*/;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const length = prefix.exec(line.slice(0, MAX_INDENT + 2))?.[0].length ?? 0;
    if (length > MAX_INDENT) return start + MAX_INDENT;
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/** Offset of the first flow bracket nested deeper than MAX_NESTING, if any. */
function deepFlowOffset(text: string): number | undefined {
  // Fewer brackets than the limit cannot nest past it: skip the lexer for every real request.
  let brackets = 0;
  for (let i = text.indexOf("[") + 1; i > 0; i = text.indexOf("[", i) + 1) brackets += 1;
  for (let i = text.indexOf("{") + 1; i > 0; i = text.indexOf("{", i) + 1) brackets += 1;
  if (brackets <= MAX_NESTING) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      depth += 1;
      if (depth > MAX_NESTING) return offset;
    } else if (token === "]" || token === "}") depth = Math.max(0, depth - 1);
    offset += token.length;
  }
  return undefined;
}

/** Offset of the first collection nested deeper than MAX_NESTING in the parsed tokens, found
 * with an explicit stack: recursion is exactly what deep input would overflow. */
function deepBlockOffset(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token | undefined, number];
    if (!token) continue;
    if (token.type === "document") {
      stack.push([token.value, depth]);
      continue;
    }
    if (
      token.type !== "block-map" &&
      token.type !== "block-seq" &&
      token.type !== "flow-collection"
    )
      continue;
    const level = depth + 1;
    if (level > MAX_NESTING) return token.offset;
    for (const item of token.items) {
      if ("key" in item && item.key) stack.push([item.key, level]);
      if (item.value) stack.push([item.value, level]);
    }
  }
  return undefined;
}

/**
 * What a request never needs and a reader would misread, said for what it is, where it is:
 * merge keys (YAML 1.2 has none: `<<` would be read as a key named "<<") and tags (`!!binary`
 * turns a name into bytes, an unknown `!tag` is silently dropped).
 */
function unsupportedYaml(
  document: { contents: unknown },
  base: readonly PropertyKey[],
): ValidationError[] {
  const errors: ValidationError[] = [];
  const visit = (node: unknown, path: PropertyKey[]) => {
    const tag = isNode(node) ? node.tag : undefined;
    if (tag) {
      errors.push({
        path: formatPath(path),
        message: `YAML tags (${tag.replace("tag:yaml.org,2002:", "!!")}) are not supported: remove the tag and write a plain value`,
      });
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && key.value === "<<" && key.type === "PLAIN") {
          errors.push({
            path: formatPath(path),
            message:
              "merge keys (<<) are not supported: write the keys out in full (YAML 1.2 has no merge keys)",
          });
          continue;
        }
        const name = isScalar(key) ? String(key.value) : String(key);
        visit(pair.value, [...path, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    }
  };
  visit(document.contents, [...base]);
  return errors;
}

/** `line 3, column 7` of an offset (1-based, as editors count). */
function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { MAX_DOCUMENT_BYTES } from "./parse-yaml-document.js";

const SEGMENT = /\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;

/** `models[1].fields["a b"].to` -> ["models", 1, "fields", "a b", "to"] (the inverse of
 * formatPath), or undefined when the text is not such a path. */
export function parsePath(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const match = SEGMENT.exec(path);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3] as string) as string);
  }
  return segments;
}

/**
 * The 1-based line of a validation error's path in the YAML text it came from, for check-run
 * annotations: the node itself, or its nearest existing parent when the key is missing; 1
 * when nothing matches. Only for text that already parsed (it is parsed again, cheaply).
 */
export function lineOfPath(text: string, path: string): number {
  const segments = parsePath(path);
  if (!segments || text.length > MAX_DOCUMENT_BYTES) return 1;
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false });
  } catch {
    return 1; // a position is a nicety; it must never cost the report itself
  }
  if (document.errors.length > 0) return 1;
  for (let length = segments.length; length > 0; length--) {
    // A key's own line: a nested mapping's value starts on the line below its key.
    const parent: unknown =
      length > 1 ? document.getIn(segments.slice(0, length - 1), true) : document.contents;
    const key = segments[length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) {
        return lineCounter.linePos(pair.key.range[0]).line;
      }
    }
    const node: unknown = document.getIn(segments.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

import { isMap, LineCounter, parseDocument } from "yaml";
import type { Result, ValidationError } from "./service-request.js";

/** Requests are hand-written: 256 KiB is far beyond any real one and bounds parse cost. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Alias expansion is what makes a "billion laughs" document explode; real requests need
 * none, so a handful is plenty. */
const MAX_ALIAS_COUNT = 50;

/**
 * Parse one YAML document into a plain object, refusing what no request needs: oversize
 * input, alias bombs, several documents and anything that is not a mapping.
 * `source` names the input in messages (a file path, "the issue form").
 */
export function parseYamlDocument(text: string, source: string): Result<Record<string, unknown>> {
  const fail = (message: string): Result<Record<string, unknown>> => ({
    ok: false,
    errors: [{ path: "", message }],
  });
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) {
    return fail(
      `${source} is ${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KiB. Split the models into fewer, smaller requests.`,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const errors: ValidationError[] = document.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return {
        path: "",
        message: `${source}: YAML syntax error at line ${at.line}, column ${at.col}: ${firstLine(error.message)}`,
      };
    });
    return { ok: false, errors };
  }
  if (document.contents === null) return fail(`${source} is empty: write a request mapping.`);
  if (!isMap(document.contents)) {
    return fail(`${source} must be a YAML mapping (key: value lines), not a list or a scalar.`);
  }
  try {
    const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    return { ok: true, value };
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    return fail(`${source} uses YAML aliases too heavily (${reason}); write the values out.`);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

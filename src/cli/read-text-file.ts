import { readFileSync, statSync } from "node:fs";
import { MAX_DOCUMENT_BYTES } from "../request/parse-yaml-document.js";
import type { Result } from "../request/service-request.js";

/** Read a request or settings file, with messages that say what to do. Refuses oversize
 * files before reading them. */
export function readTextFile(path: string, what: string): Result<string> {
  const fail = (message: string): Result<string> => ({
    ok: false,
    errors: [{ path: "", message }],
  });
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail(`${path} is not a file: give the path of the ${what}`);
    size = stat.size;
  } catch {
    return fail(
      `${path}: no such file — give the path of the ${what} (e.g. examples/orders-api.devportal.yml)`,
    );
  }
  if (size > MAX_DOCUMENT_BYTES) {
    return fail(
      `${path} is ${Math.ceil(size / 1024)} KiB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KiB`,
    );
  }
  return { ok: true, value: readFileSync(path, "utf8") };
}

import { parse } from "yaml";
import type { RequestOrigin } from "../../request/service-request.js";
import { REQUEST_RECORD_KIND } from "./request-record.js";

/** A request record as written by `renderRequestRecord`, before its request is validated. */
export interface RecordDocument {
  origin: RequestOrigin | null;
  deploy: Record<string, unknown>;
  /** The request as recorded, still raw: callers validate it when they need it. */
  request: Record<string, unknown>;
}

/**
 * Read `.devportal/request.yml` text back. Undefined when the text is not one of ours
 * (missing kind, broken YAML, wrong shape): such a repository is not the portal's, and the
 * app leaves it alone rather than guess.
 */
export function readRequestRecordDocument(text: string): RecordDocument | undefined {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(document) || document.kind !== REQUEST_RECORD_KIND) return undefined;
  const { deploy, request, origin } = document;
  if (!isObject(deploy) || !isObject(request)) return undefined;
  return {
    origin: isObject(origin) ? (origin as unknown as RequestOrigin) : null,
    deploy,
    request,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

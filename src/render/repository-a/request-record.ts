import { parse, stringify } from "yaml";
import { validateRequest } from "../../request/parse-request.js";
import type { RequestOrigin, ServiceRequest } from "../../request/service-request.js";
import { toRequestDocument } from "../../request/to-request-document.js";
import type { RenderContext } from "../render-context.js";

/** Where Repository_A records the request it answers. Deliberately not `.devportal.yml`:
 * that name is the request door, and the portal must never take its own service
 * repositories, or its own writes, for new requests. */
export const REQUEST_RECORD_PATH = ".devportal/request.yml";

/** Marks the record as the portal's; the app checks it before treating a repository as its own. */
export const REQUEST_RECORD_KIND = "devportal.dev/v1/RequestRecord";

export function renderRequestRecord(context: RenderContext): string {
  const record = {
    kind: REQUEST_RECORD_KIND,
    origin: context.origin ?? null,
    deploy: {
      gitops: context.target.gitops.fullName,
      path: `${context.target.gitopsPath}/`,
      image: context.target.image,
      host: context.target.host,
    },
    request: toRequestDocument(context.request),
  };
  const header = [
    "# Written by Dev Portal: the request this repository answers and where it came from.",
    "# The portal reads it to recognise its own services and to find the request to report on.",
    "# To change the service's deployment, change the request (its origin below), not this file.",
  ].join("\n");
  return `${header}\n${stringify(record, { lineWidth: 0 })}`;
}

/**
 * The request record read back: `origin` whenever the file is the portal's (its kind and
 * shape match), `record` only when the recorded request still validates and every deploy
 * field is present. A record written by an older version of the portal still proves the
 * repository is ours (provisioning resumes it) without being a service this app deploys.
 */
export interface ParsedRequestRecord {
  origin: RequestOrigin | null;
  record: RequestRecord | undefined;
}

/** The request record of Repository_A (`.devportal/request.yml`), read back and checked. */
export interface RequestRecord {
  request: ServiceRequest;
  origin: RequestOrigin | null;
  /** Repository_B, `owner/name`. */
  gitops: string;
  /** `apps/<service>/`. */
  path: string;
  /** Image name without tag, as the workflow pushes it. */
  image: string;
  host: string;
}

/**
 * Parse request record text. Undefined when the text is not one of ours (missing kind,
 * broken YAML, wrong shape): such a repository is not the portal's, and the app leaves it
 * alone rather than guess. A record that is ours but whose request no longer validates has
 * an origin and no `record`: it is not a service this app deploys, and is ignored rather
 * than reported.
 */
export function parseRequestRecord(text: string): ParsedRequestRecord | undefined {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(document) || document.kind !== REQUEST_RECORD_KIND) return undefined;
  const { deploy, request } = document;
  if (!isObject(deploy) || !isObject(request)) return undefined;
  const origin = isObject(document.origin) ? (document.origin as unknown as RequestOrigin) : null;
  const { gitops, path, image, host } = deploy;
  const validated = validateRequest(request);
  if (
    !validated.ok ||
    typeof gitops !== "string" ||
    typeof path !== "string" ||
    typeof image !== "string" ||
    typeof host !== "string"
  ) {
    return { origin, record: undefined };
  }
  return { origin, record: { request: validated.value, origin, gitops, path, image, host } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

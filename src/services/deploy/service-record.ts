import { readRequestRecordDocument } from "../../render/repository-a/read-request-record.js";
import { validateRequest } from "../../request/parse-request.js";
import type { RequestOrigin, ServiceRequest } from "../../request/service-request.js";

/** The request record of Repository_A (`.devportal/request.yml`), read back and checked. */
export interface ServiceRecord {
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
 * Parse a request record. Undefined when the text is not one of ours: a repository whose
 * record is missing, foreign or broken is not a service this app deploys, and is ignored
 * rather than reported (there is nobody to report to without a valid origin).
 */
export function parseServiceRecord(text: string): ServiceRecord | undefined {
  const document = readRequestRecordDocument(text);
  if (!document) return undefined;
  const { deploy } = document;
  const fields = [deploy.gitops, deploy.path, deploy.image, deploy.host];
  if (!fields.every((value) => typeof value === "string")) return undefined;
  const validated = validateRequest(document.request);
  if (!validated.ok) return undefined;
  return {
    request: validated.value,
    origin: document.origin,
    gitops: deploy.gitops as string,
    path: deploy.path as string,
    image: deploy.image as string,
    host: deploy.host as string,
  };
}

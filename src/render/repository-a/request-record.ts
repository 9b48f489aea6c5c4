import { stringify } from "yaml";
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

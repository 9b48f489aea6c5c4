import {
  parseRequestRecord,
  type RequestRecord,
  renderRequestRecord,
} from "../../../src/render/repository-a/request-record.js";
import { renderExample } from "../../support/django/render-example.js";

/** The request record Repository_A of the DESIGN example holds, parsed back. */
export function exampleRecord(): RequestRecord {
  const { context } = renderExample("orders-api.devportal.yml");
  const text = renderRequestRecord({
    ...context,
    origin: { repository: "acme/requests", kind: "issue", issue: 7, requester: "octocat" },
  });
  const record = parseRequestRecord(text)?.record;
  if (!record) throw new Error("the rendered request record does not parse back");
  return record;
}

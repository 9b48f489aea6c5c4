import { z } from "zod";
import { requestSchema } from "./request.schema.js";

export const REQUEST_SCHEMA_ID = "https://devportal.dev/schema/devportal.schema.json";

/**
 * The JSON Schema of `.devportal.yml`, generated from the zod schema so the two cannot drift
 * (a test compares it with the committed schema/devportal.schema.json). Editors use it for
 * completion and inline errors; the app's own validation is stricter (names, cross-field rules).
 */
export function requestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(requestSchema, { io: "input", target: "draft-2020-12" });
  return { ...schema, $id: REQUEST_SCHEMA_ID, title: "Dev Portal service request" };
}

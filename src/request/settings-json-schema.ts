import { z } from "zod";
import { settingsSchema } from "./settings.schema.js";

export const SETTINGS_SCHEMA_ID = "https://devportal.dev/schema/devportal-settings.schema.json";

/**
 * The JSON Schema of the portal settings file (`.github/devportal.yml` of the control
 * plane), generated from the zod schema so the two cannot drift (a test compares it with the
 * committed schema/devportal-settings.schema.json). Editors use it for completion; the app's
 * own validation adds the rules a JSON Schema cannot say (names, credentials in pairs).
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(settingsSchema, { io: "input", target: "draft-2020-12" });
  return { ...schema, $id: SETTINGS_SCHEMA_ID, title: "Dev Portal settings" };
}

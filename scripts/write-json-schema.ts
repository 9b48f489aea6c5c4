// Regenerates what is generated from the zod schemas: `npm run schema` writes
// schema/devportal.schema.json (the request), schema/devportal-settings.schema.json (the
// settings) and the table of settings keys in docs/settings.md. Tests fail when any is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { requestJsonSchema } from "../src/request/request-json-schema.js";
import { settingsJsonSchema } from "../src/request/settings-json-schema.js";
import { withSettingsTable } from "../src/request/settings-table.js";

const at = (path: string) => new URL(`../${path}`, import.meta.url);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

writeFileSync(at("schema/devportal.schema.json"), json(requestJsonSchema()));
writeFileSync(at("schema/devportal-settings.schema.json"), json(settingsJsonSchema()));
const docs = at("docs/settings.md");
writeFileSync(docs, withSettingsTable(readFileSync(docs, "utf8")));

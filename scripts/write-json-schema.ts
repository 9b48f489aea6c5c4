// Regenerates schema/devportal.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from "node:fs";
import { requestJsonSchema } from "../src/request/request-json-schema.js";

writeFileSync(
  new URL("../schema/devportal.schema.json", import.meta.url),
  `${JSON.stringify(requestJsonSchema(), null, 2)}\n`,
);

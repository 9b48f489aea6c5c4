import { readFileSync } from "node:fs";
import { parseRequest } from "./src/request/parse-request.js";
import { formatError } from "./src/request/service-request.js";
const r = parseRequest(readFileSync(process.argv[2]!, "utf8"));
if (r.ok) console.log(JSON.stringify(r.value, null, 1).slice(0, 600)); else console.log(r.errors.map(formatError).join("\n"));

import { afterAll, beforeAll, describe, it } from "vitest";
import { render } from "../../../src/render/render.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { formatError } from "../../../src/request/service-request.js";
import { requireDjangoTools } from "../../support/django/python-tools.js";
import { exampleSettings } from "../../support/django/render-example.js";
import { verifyService } from "../../support/django/verify-service.js";
import { type RunningPostgres, startPostgres } from "../../support/postgres/start-postgres.js";

// The edges of what validates, generated and run for real: every bound and default at the
// largest value the portal accepts, the widest decimal, and `status`, an imported name that
// fields may still use. Validating must mean the service starts and its own tests pass.
const REQUEST = `
service: edge-values
models:
  - name: Reading
    fields:
      status: string
      small: { type: integer, min: -2147483648, max: 2147483647, default: 2147483647 }
      big: { type: big_integer, min: -9007199254740991, max: 9007199254740991, default: -9007199254740991 }
      ratio: { type: float, min: -1e15, max: 1e15, default: 0.1 }
      wide: { type: decimal, max_digits: 30, decimal_places: 10, min: 1e-7, default: 0.5 }
      tiny: { type: decimal, max_digits: 4, decimal_places: 2, default: 99.99 }
deploy:
  database: postgres
`;

function rendered() {
  const request = parseRequest(REQUEST, "edge-values.yml");
  if (!request.ok) throw new Error(request.errors.map(formatError).join("\n"));
  const result = render({ request: request.value, settings: exampleSettings() });
  if (!result.ok) throw new Error(result.errors.map(formatError).join("\n"));
  return result.value;
}

describe("a request at the edges of what validates", () => {
  let postgres: RunningPostgres | undefined;
  beforeAll(() => requireDjangoTools());
  afterAll(async () => {
    await postgres?.stop();
  });

  it("runs on PostgreSQL, whose columns enforce every range", async () => {
    postgres = await startPostgres();
    await postgres.createDatabase("service");
    await verifyService({ rendered: rendered(), databaseUrl: postgres.url("service") });
  });
});

import { beforeAll, describe, it } from "vitest";
import { requireDjangoTools } from "../../support/django/python-tools.js";
import { exampleRequests, renderExample } from "../../support/django/render-example.js";
import { verifyService } from "../../support/django/verify-service.js";

// Every example, generated and run for real on SQLite: Django's checks, migrations that
// match the models, the generated tests, then gunicorn and a CRUD round trip over HTTP.
describe("generated services on SQLite", () => {
  beforeAll(() => requireDjangoTools());

  // About 15 s of CPU; the room is for a shared, busy machine.
  it.each(exampleRequests())("%s", { timeout: 300_000 }, async (example) => {
    await verifyService({ rendered: renderExample(example) });
  });
});

import { afterAll, beforeAll, describe, it } from "vitest";
import { requireDjangoTools } from "../../support/django/python-tools.js";
import { exampleRequests, renderExample } from "../../support/django/render-example.js";
import { verifyService } from "../../support/django/verify-service.js";
import { type RunningPostgres, startPostgres } from "../../support/postgres/start-postgres.js";

// The same as on SQLite, on a real PostgreSQL 15 (one server for the file, one database per
// example): types, constraints and transactions differ between the two engines.
describe("generated services on PostgreSQL", () => {
  let postgres: RunningPostgres | undefined;

  beforeAll(async () => {
    requireDjangoTools();
    postgres = await startPostgres();
  });

  afterAll(async () => {
    await postgres?.stop();
  });

  // About 15 s of CPU; the room is for a shared, busy machine.
  it.each(exampleRequests())("%s", { timeout: 300_000 }, async (example) => {
    const server = postgres as RunningPostgres;
    const database = example.replace(/\.devportal\.yml$/, "").replace(/[^a-z0-9]/g, "_");
    await server.createDatabase(database);
    await verifyService({ rendered: renderExample(example), databaseUrl: server.url(database) });
  });
});

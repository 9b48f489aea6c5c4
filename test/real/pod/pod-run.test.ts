import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Rendered } from "../../../src/render/render.js";
import { validateRequest } from "../../../src/request/parse-request.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import type { ServiceRequest } from "../../../src/request/service-request.js";
import type { PortalSettings } from "../../../src/request/settings.schema.js";
import { toRequestDocument } from "../../../src/request/to-request-document.js";
import { requireDjangoTools } from "../../support/django/python-tools.js";
import {
  exampleRequests,
  exampleSettings,
  loadExample,
} from "../../support/django/render-example.js";
import { renderWithSecrets, SHA_TAG } from "../../support/k8s/render-variants.js";
import { sealingKey } from "../../support/k8s/sealing-key.js";
import { podRun } from "../../support/pod/pod-run.js";
import { type RunningPostgres, startPostgres } from "../../support/postgres/start-postgres.js";
import { randomRequest } from "../../support/random/random-request.js";

// "It would start": every example and a few seeded random requests, on SQLite and on
// PostgreSQL (3 replicas started at once against one server), each pod run as the
// Deployment declares it. The settings rotate through the runtime Secret modes and TLS,
// so each mode's Secret reaches a running pod. Widen the random part: DEVPORTAL_POD_SEEDS.
// The default seeds draw anonymous reads and writes (16), session-only sign-in at a moved
// admin (22) and token-only with no admin on 4 PostgreSQL replicas (25).
const seeds = (process.env.DEVPORTAL_POD_SEEDS ?? "16,22,25").split(",").map(Number);

const SETTINGS_VARIANTS: [string, Record<string, unknown>][] = [
  ["manual secret, no TLS", {}],
  [
    "external-secrets, TLS by cert-manager",
    {
      tls: { cluster_issuer: "letsencrypt-prod" },
      runtime_secret: { mode: "external-secrets", store: { name: "vault" } },
    },
  ],
  [
    "sealed-secrets, TLS from a Secret",
    {
      tls: { secret: "wildcard-tls" },
      runtime_secret: { mode: "sealed-secrets", certificate: sealingKey().certificate },
    },
  ],
];

function settingsVariant(index: number): { name: string; settings: PortalSettings } {
  const [name, patch] = SETTINGS_VARIANTS[index % SETTINGS_VARIANTS.length] as [
    string,
    Record<string, unknown>,
  ];
  const settings = validateSettings({ ...exampleSettings(), ...patch });
  if (!settings.ok) throw new Error(JSON.stringify(settings.errors));
  return { name, settings: settings.value };
}

/** The same request on the other database: SQLite with one replica, or PostgreSQL with three. */
function onDatabase(request: ServiceRequest, database: "sqlite" | "postgres"): ServiceRequest {
  if (request.deploy.database === database) return request;
  const document = toRequestDocument(request);
  const { storage: _storage, ...deploy } = request.deploy;
  const parsed = validateRequest({
    ...document,
    deploy: { ...deploy, database, replicas: database === "postgres" ? 3 : 1 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

interface Case {
  name: string;
  rendered: Rendered;
}

function cases(): Case[] {
  // Examples on both databases; random requests on the database they drew.
  const requests: [string, ServiceRequest, ("sqlite" | "postgres")[]][] = [
    ...exampleRequests().map((file): [string, ServiceRequest, ("sqlite" | "postgres")[]] => [
      file.replace(".devportal.yml", ""),
      loadExample(file),
      ["sqlite", "postgres"],
    ]),
    ...seeds.map((seed): [string, ServiceRequest, ("sqlite" | "postgres")[]] => {
      const request = randomRequest(seed);
      return [`seed ${seed}`, request, [request.deploy.database]];
    }),
  ];
  let index = 0;
  return requests.flatMap(([name, request, databases]) =>
    databases.map((database) => {
      const variant = settingsVariant(index++);
      const rendered = renderWithSecrets({
        request: onDatabase(request, database),
        settings: variant.settings,
        tag: SHA_TAG,
      });
      if (!rendered.ok) throw new Error(`${name}: ${JSON.stringify(rendered.errors)}`);
      return { name: `${name} on ${database}, ${variant.name}`, rendered: rendered.value };
    }),
  );
}

describe("each pod, run as its manifests say", () => {
  let postgres: RunningPostgres | undefined;
  let databases = 0;

  beforeAll(async () => {
    requireDjangoTools();
    postgres = await startPostgres({ podNetworks: true });
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  // Three replicas each import Django three times (migrate, two gunicorn workers): on a
  // busy shared machine that alone can pass the default two minutes.
  it.each(cases())("$name", { timeout: 300_000 }, async ({ rendered }) => {
    const database = rendered.context.request.deploy.database;
    const report = await podRun({
      rendered,
      ...(database === "postgres"
        ? { postgres: { server: postgres as RunningPostgres, database: `pod_${databases++}` } }
        : {}),
    });
    expect(report.replicas).toBe(rendered.context.request.deploy.replicas);
    expect(report.migrationRuns).toBe(1);
    // Measured numbers, in the test log: what a pod start costs here.
    console.info(`pod-run ${rendered.context.request.service}: ${JSON.stringify(report)}`);
  });
});

import { type Rendered, render } from "../../../src/render/render.js";
import { SECRET_KEY_NAME } from "../../../src/render/runtime-secret.js";
import { sealSecretValue } from "../../../src/render/sealed-secrets/seal-secret-value.js";
import { validateRequest } from "../../../src/request/parse-request.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import type { ServiceRequest } from "../../../src/request/service-request.js";
import type { PortalSettings } from "../../../src/request/settings.schema.js";
import { toRequestDocument } from "../../../src/request/to-request-document.js";
import {
  exampleRequests as exampleFiles,
  exampleSettings,
  loadExample,
} from "../django/render-example.js";
import { sealingKey } from "./sealing-key.js";

/** A tag as the portal deploys it after a green build: a full commit SHA. */
export const SHA_TAG = "3f786850e387550fdab836ed7e6dc881de23001b";

export interface Variant {
  /** `<example> / <settings variant>`: the test title. */
  name: string;
  rendered: Rendered;
}

/** Every examples/*.devportal.yml, validated: a broken example fails here, by name. */
export function exampleRequests(): { name: string; request: ServiceRequest }[] {
  const requests = exampleFiles().map((file) => ({
    name: file.replace(".devportal.yml", ""),
    request: loadExample(file),
  }));
  // Postgres coverage that does not depend on which examples exist: the DESIGN example
  // moved to an external database, scaled out, without a volume.
  const orders = requests.find(({ name }) => name === "orders-api");
  if (orders)
    requests.push({ name: "orders-api+postgres", request: postgresVariant(orders.request) });
  return requests;
}

function postgresVariant(request: ServiceRequest): ServiceRequest {
  const document = toRequestDocument(request);
  const { storage: _storage, ...deploy } = request.deploy;
  const parsed = validateRequest({
    ...document,
    deploy: { ...deploy, database: "postgres", replicas: 3 },
  });
  if (!parsed.ok) throw new Error(`postgres variant: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

/** examples/settings.yml and the variations that change what Repository_B contains. */
export function settingsVariants(): { name: string; settings: PortalSettings }[] {
  const base = { value: exampleSettings() };
  const { image_pull_secret: _secret, ...withoutPullSecret } = base.value;
  const variants: [string, unknown][] = [
    ["settings.yml", base.value],
    ["image_updater", { ...base.value, image_updater: true }],
    ["no image_pull_secret", withoutPullSecret],
    ["owner AcMe", { ...base.value, owner: "AcMe", image_updater: true }],
    [
      "tls cert-manager, external-secrets",
      {
        ...base.value,
        tls: { cluster_issuer: "letsencrypt-prod" },
        runtime_secret: { mode: "external-secrets", store: { name: "vault" } },
      },
    ],
    [
      "tls secret, sealed-secrets",
      {
        ...base.value,
        tls: { secret: "wildcard-tls" },
        runtime_secret: { mode: "sealed-secrets", certificate: sealingKey().certificate },
        image_updater: true,
      },
    ],
  ];
  return variants.map(([name, raw]) => {
    const settings = validateSettings(raw);
    if (!settings.ok) throw new Error(`${name}: ${JSON.stringify(settings.errors)}`);
    return { name, settings: settings.value };
  });
}

/** Every example rendered with every settings variant, at a commit-SHA tag. */
export function renderVariants(): Variant[] {
  return exampleRequests().flatMap(({ name, request }) =>
    settingsVariants().map((variant) => {
      const rendered = renderWithSecrets({ request, settings: variant.settings, tag: SHA_TAG });
      if (!rendered.ok) throw new Error(`${name}: ${JSON.stringify(rendered.errors)}`);
      return { name: `${name} / ${variant.name}`, rendered: rendered.value };
    }),
  );
}

/** The DJANGO_SECRET_KEY the tests seal in sealed-secrets mode (a test value, not a secret). */
export const TEST_SECRET_KEY = "test-only-django-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz";

/**
 * render, with what the app supplies at deploy time: in sealed-secrets mode a generated
 * DJANGO_SECRET_KEY sealed with the controller's certificate for `<namespace>/<service>-env`.
 */
export function renderWithSecrets(params: {
  request: ServiceRequest;
  settings: PortalSettings;
  tag?: string;
}): ReturnType<typeof render> {
  const { request, settings } = params;
  const certificate = settings.runtime_secret.certificate;
  const sealed =
    settings.runtime_secret.mode === "sealed-secrets" && certificate
      ? {
          [SECRET_KEY_NAME]: sealSecretValue({
            certificate,
            namespace: request.service,
            name: `${request.service}-env`,
            value: TEST_SECRET_KEY,
          }),
        }
      : undefined;
  return render({ ...params, ...(sealed ? { sealed } : {}) });
}

import { describe, expect, it } from "vitest";
import { render } from "../../../src/render/render.js";
import { validateRequest } from "../../../src/request/parse-request.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";

const MODELS = [{ name: "Order", fields: { title: "string" } }];

function planFor(api: Record<string, unknown> | undefined, settings: Record<string, unknown>) {
  const request = validateRequest({ service: "orders", models: MODELS, ...(api ? { api } : {}) });
  const parsed = validateSettings({
    owner: "acme",
    request_repositories: ["requests"],
    domain: "apps.acme.dev",
    ...settings,
  });
  if (!request.ok || !parsed.ok) throw new Error("invalid fixture");
  const rendered = render({ request: request.value, settings: parsed.value });
  if (!rendered.ok) throw new Error(rendered.errors.map(formatError).join("\n"));
  return rendered.value.plan;
}

describe("the plan says what a reviewer must not miss", () => {
  it("is quiet for the secure default with TLS and a pull secret", () => {
    const plan = planFor(undefined, {
      image_pull_secret: "ghcr-pull",
      tls: { cluster_issuer: "letsencrypt" },
    });
    expect(plan.warnings).toEqual([]);
    expect(plan.api).toMatchObject({ read: "authenticated", write: "authenticated" });
    expect(plan.url).toBe("https://orders.apps.acme.dev/");
    expect(plan.tagFile).toBe("apps/orders/kustomization.yaml");
  });

  it("says ANONYMOUS WRITES first and loudly when the request opens them", () => {
    const plan = planFor(
      { read: "anyone", write: "anyone" },
      { image_pull_secret: "ghcr-pull", tls: { secret: "tls" } },
    );
    expect(plan.warnings[0]).toMatch(/^ANONYMOUS WRITES: .*api\.write: anyone/);
    expect(plan.warnings[1]).toMatch(/^ANONYMOUS READS/);
  });

  it("warns of a private image without a pull secret, plain HTTP and the default project", () => {
    const plan = planFor(undefined, { argocd: { project: "default" } });
    expect(plan.url).toBe("http://orders.apps.acme.dev/");
    expect(plan.warnings).toEqual([
      expect.stringMatching(/private .* no image_pull_secret: pods will sit in ImagePullBackOff/),
      expect.stringMatching(/^No TLS/),
      expect.stringMatching(/permissive `default` project/),
    ]);
  });
});

describe("settings for TLS and the runtime Secret", () => {
  it.each([
    [
      { tls: {} },
      "tls: set exactly one of tls.cluster_issuer (cert-manager) or tls.secret (an existing TLS Secret)",
    ],
    [
      { tls: { cluster_issuer: "Bad_Name" } },
      'tls.cluster_issuer: "Bad_Name" is not a resource name',
    ],
    [
      { runtime_secret: { mode: "external-secrets" } },
      "runtime_secret.store: external-secrets needs the store: runtime_secret.store: { name: <store>, kind: ClusterSecretStore }",
    ],
    [
      { runtime_secret: { mode: "sealed-secrets", certificate: "not a certificate" } },
      "runtime_secret.certificate: sealed-secrets needs the controller's public certificate as PEM (kubeseal --fetch-cert)",
    ],
    [{ ingress_namespace: "Ingress" }, 'ingress_namespace: "Ingress" is not a namespace name'],
  ])("refuses %j", (patch, message) => {
    const result = validateSettings({
      owner: "acme",
      request_repositories: ["requests"],
      domain: "apps.acme.dev",
      ...patch,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map(formatError)).toEqual([message]);
  });
});

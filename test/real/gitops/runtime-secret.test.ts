import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { render } from "../../../src/render/render.js";
import { runtimeSecretText } from "../../../src/render/runtime-secret-text.js";
import {
  generateSecretKey,
  sealSecretValue,
} from "../../../src/render/sealed-secrets/seal-secret-value.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { loadExample } from "../../support/django/render-example.js";
import { renderWithSecrets, SHA_TAG, TEST_SECRET_KEY } from "../../support/k8s/render-variants.js";
import { sealingKey, unsealValue } from "../../support/k8s/sealing-key.js";

function settingsFor(runtime: Record<string, unknown>) {
  const settings = validateSettings({
    owner: "acme",
    request_repositories: ["requests"],
    domain: "apps.acme.dev",
    allowed_hosts: ["*.example.com"],
    image_pull_secret: "ghcr-pull",
    runtime_secret: runtime,
  });
  if (!settings.ok) throw new Error(JSON.stringify(settings.errors));
  return settings.value;
}

describe("sealed-secrets mode", () => {
  const key = sealingKey();
  const request = loadExample("orders-api.devportal.yml");
  const settings = settingsFor({ mode: "sealed-secrets", certificate: key.certificate });

  it("seals the generated key so that the controller's private key opens it", () => {
    const rendered = renderWithSecrets({ request, settings, tag: SHA_TAG });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
    const { target } = rendered.value.context;
    const file = rendered.value.repositoryB[`${target.productionPath}/sealedsecret.yaml`] as string;
    const sealed = parse(file) as { spec: { encryptedData: { DJANGO_SECRET_KEY: string } } };
    const value = sealed.spec.encryptedData.DJANGO_SECRET_KEY;
    const opened = unsealValue({
      privateKey: key.privateKey,
      namespace: target.namespace,
      name: `${request.service}-env`,
      value,
    });
    expect(opened).toBe(TEST_SECRET_KEY);
    // The controller's layout: a 2-byte length, then a 512-byte RSA-4096 block, then
    // AES-GCM of the value and its 16-byte tag.
    const bytes = Buffer.from(value, "base64");
    expect(bytes.readUInt16BE(0)).toBe(512);
    expect(bytes.length).toBe(2 + 512 + TEST_SECRET_KEY.length + 16);
  });

  it("binds the value to its namespace and name (strict scope)", () => {
    const value = sealSecretValue({
      certificate: key.certificate,
      namespace: "orders-api",
      name: "orders-api-env",
      value: "x",
    });
    const open = (namespace: string, name: string) =>
      unsealValue({ privateKey: key.privateKey, namespace, name, value });
    expect(open("orders-api", "orders-api-env")).toBe("x");
    expect(() => open("other", "orders-api-env")).toThrow();
    expect(() => open("orders-api", "stolen")).toThrow();
  });

  it("generates keys that Django's deployment check accepts, never twice the same", () => {
    const first = generateSecretKey();
    expect(first.length).toBeGreaterThanOrEqual(50);
    expect(new Set(first).size).toBeGreaterThan(5);
    expect(generateSecretKey()).not.toBe(first);
  });

  it("refuses to render without the sealed key instead of deploying a pod that cannot start", () => {
    const rendered = render({ request, settings });
    expect(rendered.ok).toBe(false);
    if (!rendered.ok) expect(rendered.errors[0]?.path).toBe("runtime_secret");
  });
});

describe("the plan names the runtime Secret and any hand step", () => {
  const request = loadExample("inventory-postgres.devportal.yml");

  it.each([
    ["manual", { mode: "manual" }, true],
    ["external-secrets", { mode: "external-secrets", store: { name: "vault" } }, false],
  ])("%s", (_name, runtime, hand) => {
    const rendered = render({ request, settings: settingsFor(runtime) });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
    const { plan } = rendered.value;
    const text = runtimeSecretText(plan.runtimeSecret);
    expect(plan.runtimeSecret.handStep !== undefined).toBe(hand);
    if (hand) {
      const secret = `${request.service}-env`;
      expect(plan.runtimeSecret.handStep?.secret).toBe(secret);
      expect(text).toContain(`kubectl -n ${request.service} create secret generic ${secret}`);
      expect(text).toContain("DATABASE_URL");
      // The same command in Repository_A's README.
      expect(rendered.value.repositoryA["README.md"]).toContain(
        `kubectl -n ${request.service} create secret generic ${secret}`,
      );
    } else {
      expect(text).toContain(`devportal/${request.service}`);
      expect(text).not.toContain("kubectl");
    }
  });
});

import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings } from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";

function errorsOf(text: string): string[] {
  const result = parseSettings(text, "devportal.yml");
  return result.ok ? [] : result.errors.map(formatError);
}

describe("portal settings", () => {
  it("fills every default", () => {
    expect(defaultSettings()).toEqual({
      gitops_repo: "gitops",
      registry: "ghcr.io",
      requesters: [],
      visibility: "private",
      resources: { cpu: "100m", memory: "256Mi", cpu_limit: "500m", memory_limit: "512Mi" },
      ingress_class: "nginx",
      argocd: { namespace: "argocd", project: "devportal" },
      image_updater: false,
      runtime_secret: { mode: "manual", key_prefix: "devportal/" },
      ingress_namespace: "ingress-nginx",
      secrets: {},
    });
  });

  it("reads the DESIGN example", () => {
    const result = parseSettings(
      "owner: acme\ndomain: apps.acme.dev\nrequesters: [platform, backend]\nsecrets:\n  REGISTRY_PASSWORD: { from_env: DEVPORTAL_SECRET_REGISTRY_PASSWORD }\n",
    );
    expect(result.ok && result.value.secrets).toEqual({
      REGISTRY_PASSWORD: { from_env: "DEVPORTAL_SECRET_REGISTRY_PASSWORD" },
    });
  });

  // A settings file is editable by anyone with write access to its repository: it must not
  // be able to reach the app's private key or webhook secret through from_env.
  it.each([
    [
      "PRIVATE_KEY",
      'secrets.X.from_env: "PRIVATE_KEY" is not allowed: secrets may only come from environment variables named DEVPORTAL_SECRET_*',
    ],
    [
      "WEBHOOK_SECRET",
      'secrets.X.from_env: "WEBHOOK_SECRET" is not allowed: secrets may only come from environment variables named DEVPORTAL_SECRET_*',
    ],
    [
      "DEVPORTAL_SECRET_a-b",
      'secrets.X.from_env: "DEVPORTAL_SECRET_a-b" is not allowed: secrets may only come from environment variables named DEVPORTAL_SECRET_*',
    ],
  ])("refuses from_env %s", (variable, message) => {
    expect(errorsOf(`secrets:\n  X: { from_env: ${variable} }\n`)).toEqual([message]);
  });

  it.each([
    [
      "secrets:\n  GITHUB_TOKEN: { from_env: DEVPORTAL_SECRET_T }\n",
      "secrets.GITHUB_TOKEN: secret names use A-Z, 0-9 and _, do not start with a digit or GITHUB_",
    ],
    ["owner: -acme\n", 'owner: "-acme" is not a GitHub organisation login'],
    ["domain: Apps_Acme\n", 'domain: "Apps_Acme" is not a DNS domain (e.g. apps.acme.dev)'],
    [
      "resources: { memory: 1GB }\n",
      'resources.memory: "1GB" is not a memory quantity (e.g. 256Mi)',
    ],
    [
      "resources: { cpu: fast }\n",
      'resources.cpu: "fast" is not a CPU quantity (e.g. 100m or 0.5)',
    ],
    [
      "image_pull_secret: GHCR_Pull\n",
      'image_pull_secret: "GHCR_Pull" is not a Kubernetes Secret name',
    ],
    [
      "requesters: [Platform Team]\n",
      'requesters[0]: "Platform Team" is not a team slug (e.g. platform-team)',
    ],
    ["visibility: secret\n", 'visibility: "secret" is not one of private, internal, public'],
    ["gitop_repo: gitops\n", 'gitop_repo: unknown key — did you mean "gitops_repo"?'],
  ])("refuses %j", (text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });
});

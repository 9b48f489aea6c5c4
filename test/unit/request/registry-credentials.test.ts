import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const USERNAME = { from_env: "DEVPORTAL_SECRET_REGISTRY_USERNAME" };
const PASSWORD = { from_env: "DEVPORTAL_SECRET_REGISTRY_PASSWORD" };

/** What every settings file needs besides the registry (see settings.test.ts). */
const BASE = { request_repositories: ["requests"], domain: "apps.acme.dev" };

function problems(raw: Record<string, unknown>): string[] {
  const result = validateSettings({ ...BASE, ...raw });
  return result.ok ? [] : result.errors.map(formatError);
}

describe("registry credentials", () => {
  it.each([
    ["GHCR, no secrets", { registry: "ghcr.io" }, []],
    [
      "other registry, both",
      {
        registry: "registry.acme.dev",
        secrets: { REGISTRY_USERNAME: USERNAME, REGISTRY_PASSWORD: PASSWORD },
      },
      [],
    ],
    [
      "other registry, neither (organisation Actions secrets)",
      { registry: "registry.acme.dev" },
      [],
    ],
    [
      "other registry, password only",
      { registry: "registry.acme.dev", secrets: { REGISTRY_PASSWORD: PASSWORD } },
      [
        "secrets.REGISTRY_USERNAME: required with secrets.REGISTRY_PASSWORD: registry.acme.dev needs a user name and a password together (add secrets.REGISTRY_USERNAME: { from_env: DEVPORTAL_SECRET_REGISTRY_USERNAME }), or neither when the organisation provides them as Actions secrets",
      ],
    ],
    [
      "other registry, user name only",
      { registry: "registry.acme.dev:5000", secrets: { REGISTRY_USERNAME: USERNAME } },
      [
        "secrets.REGISTRY_PASSWORD: required with secrets.REGISTRY_USERNAME: registry.acme.dev:5000 needs a user name and a password together (add secrets.REGISTRY_PASSWORD: { from_env: DEVPORTAL_SECRET_REGISTRY_PASSWORD }), or neither when the organisation provides them as Actions secrets",
      ],
    ],
  ])("%s", (_name, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it("the example settings work as copied: no secret that GHCR never reads", () => {
    for (const file of [
      join(ROOT, "examples", "settings.yml"),
      join(ROOT, "templates", "request-repository", ".github", "devportal.yml"),
    ]) {
      const text = readFileSync(file, "utf8");
      const uncommented = text
        .split("\n")
        .filter((line) => !line.trimStart().startsWith("#"))
        .join("\n");
      expect(uncommented, file).not.toContain("DEVPORTAL_SECRET_");
    }
  });
});

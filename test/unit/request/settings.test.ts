import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  parsePortalSettings,
  parseSettings,
} from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** The keys every control-plane settings file needs, so each case shows only its own error. */
const BASE = "request_repositories: [requests]\ndomain: apps.acme.dev\n";

function errorsOf(text: string): string[] {
  const result = parseSettings(text, "devportal.yml");
  return result.ok ? [] : result.errors.map(formatError);
}

describe("portal settings", () => {
  it("fills every default (the CLI's offline settings take no requests)", () => {
    expect(defaultSettings()).toEqual({
      request_repositories: [],
      gitops_repo: "gitops",
      gitops_repos: ["gitops"],
      allowed_hosts: [],
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

  it("reads the DESIGN example; gitops_repos defaults to [gitops_repo]", () => {
    const result = parseSettings(
      `owner: acme\n${BASE}requesters: [platform, backend]\ngitops_repo: acme/deploys\nsecrets:\n  REGISTRY_PASSWORD: { from_env: DEVPORTAL_SECRET_REGISTRY_PASSWORD }\n`,
    );
    if (!result.ok) throw new Error(result.errors.map(formatError).join("\n"));
    expect(result.value.secrets).toEqual({
      REGISTRY_PASSWORD: { from_env: "DEVPORTAL_SECRET_REGISTRY_PASSWORD" },
    });
    expect(result.value.request_repositories).toEqual(["requests"]);
    expect(result.value.gitops_repos).toEqual(["acme/deploys"]);
  });

  it.each(["examples/settings.yml", "templates/request-repository/.github/devportal.yml"])(
    "%s is valid",
    (path) => {
      expect(errorsOf(readFileSync(join(ROOT, path), "utf8"))).toEqual([]);
    },
  );

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
    expect(errorsOf(`${BASE}secrets:\n  X: { from_env: ${variable} }\n`)).toEqual([message]);
  });

  it.each([
    [
      "secrets:\n  GITHUB_TOKEN: { from_env: DEVPORTAL_SECRET_T }\n",
      "secrets.GITHUB_TOKEN: secret names use A-Z, 0-9 and _, do not start with a digit or GITHUB_",
    ],
    ["owner: -acme\n", 'owner: "-acme" is not a GitHub organisation login'],
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
    [
      "gitops_repo: deploys\ngitops_repos: [gitops]\n",
      'gitops_repos: does not include gitops_repo "deploys", the default every request deploys to: add it',
    ],
    [
      "gitops_repos: [gitops, a/b/c]\n",
      'gitops_repos[1]: "a/b/c" is not a GitHub repository: write name or owner/name',
    ],
    ["gitops_repos: []\n", "gitops_repos: must be at least 1 entries, got 0"],
    [
      "allowed_hosts: ['*.dev', 'a.*.acme.dev']\n",
      'allowed_hosts[0]: "*.dev" is not a host pattern: write a host (api.acme.com) or *. and a domain with at least two labels (*.apps.acme.dev)',
    ],
  ])("refuses %j", (text, message) => {
    expect(errorsOf(`${BASE}${text}`)[0]).toEqual(message);
  });

  it("takes an owner-qualified gitops_repo in a list of names of the same owner", () => {
    expect(
      errorsOf(`${BASE}owner: Acme\ngitops_repo: acme/gitops\ngitops_repos: [GitOps]\n`),
    ).toEqual([]);
  });

  it.each([
    ["domain: Apps_Acme\n", ['domain: "Apps_Acme" is not a DNS domain (e.g. apps.acme.dev)']],
    [
      "",
      [
        "domain: required — the domain services are served under (e.g. apps.acme.dev), or at least allowed_hosts: without either no host could be allowed",
      ],
    ],
  ])("needs a domain or allowed hosts: %j", (text, messages) => {
    expect(errorsOf(`request_repositories: [requests]\n${text}`)).toEqual(messages);
  });

  it("accepts allowed_hosts instead of a domain", () => {
    expect(errorsOf("request_repositories: [requests]\nallowed_hosts: ['*.acme.dev']\n")).toEqual(
      [],
    );
  });

  it.each([
    [
      "domain: apps.acme.dev\n",
      "request_repositories: required — the repositories (names in owner, e.g. [platform-requests]) that take requests: issues, request files, pull-request plans and commands; every other repository is ignored",
    ],
    [
      "domain: apps.acme.dev\nrequest_repositories: []\n",
      "request_repositories: must be at least 1 entries, got 0",
    ],
    [
      "domain: apps.acme.dev\nrequest_repositories: [acme/requests]\n",
      'request_repositories[0]: "acme/requests" is not a repository name: write the name only (e.g. platform-requests); request repositories are in owner',
    ],
  ])("needs request repositories: %j", (text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });
});

describe("settings problems are data, never a throw", () => {
  it.each([
    ["not YAML", "owner: [acme\n", "devportal.yml: YAML syntax error at line 2, column 1: "],
    [
      "an alias bomb",
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      "devportal.yml uses YAML aliases too heavily",
    ],
    ["a list", "- owner\n", "devportal.yml must be a YAML mapping"],
    [
      "deep nesting",
      `x: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
      "devportal.yml is nested too deeply",
    ],
    ["invalid values", "owner: 42\n", "owner: expected a string, got number 42"],
    ["a merge key", `${BASE}<<: {owner: acme}\n`, "merge keys (<<) are not supported"],
  ])("%s", (_name, text, start) => {
    const result = parsePortalSettings(text, "devportal.yml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe("settings-problem");
    expect(result.problem.source).toBe("devportal.yml");
    expect(result.problem.errors.map(formatError).join("\n")).toContain(start);
  });

  it("valid settings come back as settings", () => {
    const result = parsePortalSettings(BASE, "devportal.yml");
    expect(result.ok && result.value.request_repositories).toEqual(["requests"]);
  });
});

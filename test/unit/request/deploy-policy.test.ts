import { describe, expect, it } from "vitest";
import { render } from "../../../src/render/render.js";
import {
  checkGitopsRepo,
  checkHostAllowed,
  checkHostUnique,
  matchesHostPattern,
} from "../../../src/request/deploy-policy.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { formatError } from "../../../src/request/service-request.js";
import { loadExample } from "../../support/django/render-example.js";

const settings = { gitops_repo: "gitops", gitops_repos: ["gitops", "platform/deploys"] };

describe("GitOps repositories a request may name", () => {
  it.each([
    [undefined, []],
    ["gitops", []],
    ["acme/gitops", []],
    ["ACME/GitOps", []],
    ["platform/deploys", []],
    [
      "payroll",
      [
        'deploy.gitops_repo: "payroll" is not one of the GitOps repositories the platform allows (gitops, platform/deploys); remove it to use the default "gitops"',
      ],
    ],
    [
      "evil/gitops",
      [
        'deploy.gitops_repo: "evil/gitops" is not one of the GitOps repositories the platform allows (gitops, platform/deploys); remove it to use the default "gitops"',
      ],
    ],
    [
      "deploys",
      [
        'deploy.gitops_repo: "deploys" is not one of the GitOps repositories the platform allows (gitops, platform/deploys); remove it to use the default "gitops"',
      ],
    ],
  ])("%s", (gitopsRepo, messages) => {
    expect(checkGitopsRepo({ gitopsRepo, settings, owner: "acme" }).map(formatError)).toEqual(
      messages,
    );
  });
});

describe("hosts a request may claim", () => {
  it.each([
    ["a.acme.dev", "*.acme.dev", true],
    ["a.b.acme.dev", "*.acme.dev", false],
    ["acme.dev", "*.acme.dev", false],
    ["evilacme.dev", "*.acme.dev", false],
    ["api.acme.com", "api.acme.com", true],
    ["x.api.acme.com", "api.acme.com", false],
  ])("%s against %s: %s", (host, pattern, expected) => {
    expect(matchesHostPattern(host, pattern)).toBe(expected);
  });

  const policy = { domain: "apps.acme.dev", allowed_hosts: ["*.example.com"] };
  it.each([
    ["orders.apps.acme.dev", []],
    ["v2.orders.apps.acme.dev", []],
    ["orders.example.com", []],
    [
      "apps.acme.dev",
      [
        'deploy.host: "apps.acme.dev" is not a host the platform allows (hosts must be under apps.acme.dev or matching *.example.com) — use a host under apps.acme.dev, or remove host to get the default <service>.apps.acme.dev',
      ],
    ],
    [
      "login.microsoftonline.com",
      [
        'deploy.host: "login.microsoftonline.com" is not a host the platform allows (hosts must be under apps.acme.dev or matching *.example.com) — use a host under apps.acme.dev, or remove host to get the default <service>.apps.acme.dev',
      ],
    ],
    [
      "orders.apps.acme.dev.evil.io",
      [
        'deploy.host: "orders.apps.acme.dev.evil.io" is not a host the platform allows (hosts must be under apps.acme.dev or matching *.example.com) — use a host under apps.acme.dev, or remove host to get the default <service>.apps.acme.dev',
      ],
    ],
  ])("%s", (host, messages) => {
    expect(checkHostAllowed({ host, settings: policy }).map(formatError)).toEqual(messages);
  });

  it("only allowed_hosts, without a domain", () => {
    expect(
      checkHostAllowed({
        host: "x.io",
        settings: { allowed_hosts: ["*.acme.dev"] },
      }).map(formatError),
    ).toEqual([
      'deploy.host: "x.io" is not a host the platform allows (hosts must be matching *.acme.dev) — use a host matching *.acme.dev',
    ]);
  });
});

describe("checkHostUnique", () => {
  const existing = { billing: ["billing.apps.acme.dev"], orders: ["orders.apps.acme.dev"] };
  it("refuses a host another service serves, whatever its case", () => {
    expect(checkHostUnique("Billing.apps.acme.dev", "payroll", existing).map(formatError)).toEqual([
      'deploy.host: "Billing.apps.acme.dev" is already served by the service "billing" in the GitOps repository — choose another host, or remove host to get the default',
    ]);
  });
  it("lets a service keep its own host, and take a free one", () => {
    expect(checkHostUnique("orders.apps.acme.dev", "orders", existing)).toEqual([]);
    expect(checkHostUnique("new.apps.acme.dev", "new", existing)).toEqual([]);
    expect(checkHostUnique("new.apps.acme.dev", "new", {})).toEqual([]);
  });
});

describe("render refuses what the platform does not allow, at every render", () => {
  const base = validateSettings({
    owner: "acme",
    request_repositories: ["requests"],
    domain: "apps.acme.dev",
  });
  if (!base.ok) throw new Error("settings");
  const request = loadExample("orders-api.devportal.yml");
  it("a host outside the domain and a GitOps repository outside the list", () => {
    const forged = { ...request, deploy: { ...request.deploy, gitops_repo: "payroll" } };
    const result = render({ request: forged, settings: base.value });
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'deploy.gitops_repo: "payroll" is not one of the GitOps repositories the platform allows (gitops); remove it to use the default "gitops"',
      'deploy.host: "orders.example.com" is not a host the platform allows (hosts must be under apps.acme.dev) — use a host under apps.acme.dev, or remove host to get the default orders-api.apps.acme.dev',
    ]);
  });
  it("the default host and repository always pass", () => {
    const { host: _host, gitops_repo: _repo, ...deploy } = request.deploy;
    const result = render({ request: { ...request, deploy }, settings: base.value });
    expect(result.ok && result.value.context.target.host).toBe("orders-api.apps.acme.dev");
  });
});

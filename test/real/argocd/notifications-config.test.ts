import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { render } from "../../../src/render/render.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { validateSettings } from "../../../src/request/parse-settings.js";

/**
 * The Argo CD Notifications configuration Dev Portal ships, read the way the controller
 * reads it (notifications-engine pkg/api/config.go, pkg/services/github.go,
 * pkg/triggers/service.go at cf274d2): every key must be one its Go structs know, since
 * sigs.k8s.io/yaml would silently drop a misspelt one; every field the templates and
 * trigger expressions read must exist on an Argo CD Application.
 */
const ROOT = join(import.meta.dirname, "..", "..", "..");
const PATH = "k8s/argocd-notifications-cm.yaml";

/** json tags of notifications-engine's structs. */
const GITHUB_OPTIONS = [
  "appID",
  "installationID",
  "privateKey",
  "enterpriseBaseURL",
  "insecureSkipVerify",
];
const NOTIFICATION = ["message", "github", "slack", "email", "teams", "webhook"];
const GITHUB = [
  "repoURLPath",
  "revisionPath",
  "status",
  "deployment",
  "pullRequestComment",
  "checkRun",
  "repositoryDispatch",
];
const DEPLOYMENT = [
  "state",
  "environment",
  "environmentURL",
  "logURL",
  "requiredContexts",
  "autoMerge",
  "transientEnvironment",
  "reference",
];
const CONDITION = ["oncePer", "when", "description", "send"];
const SUBSCRIPTION = ["recipients", "triggers", "selector"];
/** GitHub's deployment status states (REST: create a deployment status). */
const DEPLOYMENT_STATES = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
];
/** Go text/template keywords and builtins, sprig functions used, and argo-cd's `call .repo.*`. */
const TEMPLATE_WORDS = new Set([
  "if",
  "else",
  "end",
  "range",
  "with",
  "index",
  "printf",
  "call",
  "eq",
  "ne",
  "and",
  "or",
  "not",
  "len",
  "splitList",
  "hasSuffix",
  "join",
  "initial",
  "last",
  "contains",
  "base",
]);

function cm(): Record<string, string> {
  const text = exampleRepositoryB()[PATH];
  if (!text) throw new Error(`${PATH} not rendered`);
  const document = parse(text);
  expect(document).toMatchObject({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "argocd-notifications-cm", namespace: "argocd" },
  });
  return document.data;
}

function keysWithin(value: Record<string, unknown>, allowed: string[], where: string) {
  for (const key of Object.keys(value))
    expect(allowed, `${where}: unknown key ${key}`).toContain(key);
}

/** Field paths an Argo CD Application has (its generated TypeScript model names them all). */
const APPLICATION_TYPES = readFileSync(
  join(
    ROOT,
    "node_modules",
    "@kubernetes-models",
    "argo-cd",
    "argoproj.io",
    "v1alpha1",
    "Application.d.ts",
  ),
  "utf8",
);
function expectApplicationPath(path: string) {
  for (const segment of path.split(".").slice(1)) {
    if (segment === "metadata" || segment === "name" || segment === "labels") continue; // ObjectMeta
    expect(APPLICATION_TYPES, `${path}: no Application field ${segment}`).toMatch(
      new RegExp(`"${segment}"\\??:`),
    );
  }
}

/** Check a Go template the way text/template would refuse it: balanced actions and blocks,
 * only known functions, `.app.*` fields that exist. */
function expectGoTemplate(source: string, where: string) {
  const actions = [...source.matchAll(/\{\{-?\s*(.*?)\s*-?\}\}/g)].map((match) => match[1] ?? "");
  expect(source.split("{{").length, `${where}: unbalanced braces`).toBe(source.split("}}").length);
  let depth = 0;
  for (const action of actions) {
    const first = action.split(/\s+/)[0] ?? "";
    if (["if", "range", "with"].includes(first)) depth++;
    if (first === "end") depth--;
    expect(depth, `${where}: {{end}} without a block`).toBeGreaterThanOrEqual(0);
    const words = action.replace(/"(?:\\.|[^"])*"/g, "").match(/(?<![.$\w])[a-zA-Z]\w*/g) ?? [];
    for (const word of words)
      expect(TEMPLATE_WORDS, `${where}: unknown function ${word}`).toContain(word);
    for (const path of action.match(/(?<![\w)])\.app(\.\w+)+/g) ?? [])
      expectApplicationPath(path.slice(1));
  }
  expect(depth, `${where}: unclosed block`).toBe(0);
}

describe(`${PATH}: Argo CD Notifications' own format`, () => {
  const data = cm();

  it("configures the GitHub service from the notifications Secret only", () => {
    const github = parse(data["service.github"] ?? "");
    keysWithin(github, GITHUB_OPTIONS, "service.github");
    expect(github).toEqual({
      appID: "$github-appID",
      installationID: "$github-installationID",
      privateKey: "$github-privateKey",
    });
  });

  it("templates post deployment statuses the app understands, on the deployment it made", () => {
    const templates = Object.keys(data).filter((key) => key.startsWith("template."));
    const states = new Map<string, string>();
    for (const key of templates) {
      const template = parse(data[key] ?? "");
      keysWithin(template, NOTIFICATION, key);
      keysWithin(template.github, GITHUB, `${key}.github`);
      keysWithin(template.github.deployment, DEPLOYMENT, `${key}.github.deployment`);
      const { deployment } = template.github;
      expect(DEPLOYMENT_STATES).toContain(deployment.state);
      // The app's Deployment has auto_merge false and no required contexts: Argo CD's must match.
      expect(deployment.autoMerge).toBe(false);
      expect(deployment.requiredContexts).toEqual([]);
      for (const [field, value] of Object.entries({
        message: template.message,
        ...template.github,
        ...deployment,
      })) {
        if (typeof value === "string") expectGoTemplate(value, `${key}.${field}`);
      }
      states.set(key.slice("template.".length), deployment.state);
    }
    expect(Object.fromEntries(states)).toEqual({
      "devportal-synced": "in_progress",
      "devportal-healthy": "success",
      "devportal-degraded": "failure",
      "devportal-sync-failed": "error",
    });
  });

  it("triggers fire on Application fields that exist and send templates that exist", () => {
    const triggers = Object.keys(data).filter((key) => key.startsWith("trigger."));
    expect(triggers.sort()).toEqual([
      "trigger.on-deployed",
      "trigger.on-health-degraded",
      "trigger.on-sync-failed",
      "trigger.on-sync-succeeded",
    ]);
    for (const key of triggers) {
      const conditions = parse(data[key] ?? "");
      expect(Array.isArray(conditions)).toBe(true);
      for (const condition of conditions) {
        keysWithin(condition, CONDITION, key);
        for (const name of condition.send)
          expect(data, `${key} sends ${name}`).toHaveProperty([`template.${name}`]);
        for (const expression of [condition.when, condition.oncePer]) {
          // expr-lang: `app` is the Application; `?.` is optional chaining.
          for (const path of expression.replace(/\?\./g, ".").match(/\bapp(\.\w+)+/g) ?? [])
            expectApplicationPath(path);
        }
      }
    }
  });

  it("subscribes every Application of the ApplicationSet by its label", () => {
    const subscriptions = parse(data.subscriptions ?? "");
    for (const subscription of subscriptions) {
      keysWithin(subscription, SUBSCRIPTION, "subscriptions");
      expect(subscription.recipients).toEqual(["github"]);
      for (const trigger of subscription.triggers)
        expect(data).toHaveProperty([`trigger.${trigger}`]);
    }
    const applicationSet = parse(exampleRepositoryB()["k8s/applicationset.yaml"] ?? "");
    expect(applicationSet.spec.template.metadata.labels["app.kubernetes.io/managed-by"]).toBe(
      "devportal",
    );
    expect(subscriptions[0].selector).toBe("app.kubernetes.io/managed-by=devportal");
  });

  it("a misspelt key would be caught", () => {
    expect(() => keysWithin({ autoMerg: false }, DEPLOYMENT, "x")).toThrow(/unknown key autoMerg/);
    expect(() => expectApplicationPath("app.status.opertionState")).toThrow(/opertionState/);
    expect(() => expectGoTemplate("{{ if .app.metadata.name }}", "x")).toThrow(/unclosed block/);
  });
});

/** Repository_B as the example request and settings render it. */
function exampleRepositoryB(): Record<string, string> {
  const request = parseRequest(
    readFileSync(join(ROOT, "examples", "orders-api.devportal.yml"), "utf8"),
  );
  const settings = validateSettings(
    parse(readFileSync(join(ROOT, "examples", "settings.yml"), "utf8")),
  );
  if (!request.ok || !settings.ok) throw new Error("examples do not validate");
  const rendered = render({ request: request.value, settings: settings.value, owner: "acme" });
  if (!rendered.ok) throw new Error("render failed");
  return rendered.value.repositoryB;
}

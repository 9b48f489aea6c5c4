import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, runCli as run, SETTINGS, useTempDirs } from "../../support/cli/run-cli.js";
import { sealingKey, unsealValue } from "../../support/k8s/sealing-key.js";

const temp = useTempDirs();

describe("devportal validate", () => {
  it("accepts the example", async () => {
    const result = await run("validate", EXAMPLE);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("service orders-api is valid (2 models, 8 fields)");
  });

  it("lists every problem and exits 1", async () => {
    const file = join(temp(), "bad.yml");
    writeFileSync(
      file,
      "service: Bad_Name\nmodels:\n  - name: order\n    fields:\n      sku: strng\n",
    );
    const result = await run("validate", file);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((line) => line.includes("✗"))).toHaveLength(3);
    expect(result.stderr).toContain(`${file}: 3 problems`);
    expect(result.stderr).toContain('models[0].fields.sku: "strng" is not one of');
  });

  it("says when the file is missing", async () => {
    const result = await run("validate", "no-such.yml");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no-such.yml: no such file");
  });

  it("reports YAML syntax errors with line and column", async () => {
    const file = join(temp(), "broken.yml");
    writeFileSync(file, "service: x\nmodels: [\n");
    const result = await run("validate", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/YAML syntax error at line \d+, column \d+/);
  });

  it("checks the settings file too, in the same run", async () => {
    const file = join(temp(), "settings.yml");
    writeFileSync(
      file,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  KEY: { from_env: PRIVATE_KEY }\n",
    );
    const result = await run("validate", EXAMPLE, "--settings", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('secrets.KEY.from_env: "PRIVATE_KEY" is not allowed');
  });
});

describe("devportal validate-settings", () => {
  it("accepts the example settings as copied", async () => {
    const result = await run("validate-settings", SETTINGS);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(`✓ ${SETTINGS}: settings are valid\n`);
  });

  it("names the environment variables the settings need", async () => {
    const file = join(temp(), "settings.yml");
    writeFileSync(
      file,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  SENTRY_DSN: { from_env: DEVPORTAL_SECRET_SENTRY_DSN }\n",
    );
    const result = await run("validate-settings", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "needs these environment variables: DEVPORTAL_SECRET_SENTRY_DSN",
    );
  });

  it("lists every problem at once", async () => {
    const file = join(temp(), "settings.yml");
    writeFileSync(
      file,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nvisibilty: private\nimage_updater: sometimes\n",
    );
    const result = await run("validate-settings", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: 2 problems`);
    expect(result.stderr).toContain('visibilty: unknown key — did you mean "visibility"?');
    expect(result.stderr).toContain(
      'image_updater: expected true or false, got the string "sometimes"',
    );
  });

  it("refuses registry credentials that come alone", async () => {
    const file = join(temp(), "settings.yml");
    writeFileSync(
      file,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nregistry: registry.acme.dev\nsecrets:\n  REGISTRY_PASSWORD: { from_env: DEVPORTAL_SECRET_REGISTRY_PASSWORD }\n",
    );
    const result = await run("validate-settings", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "secrets.REGISTRY_USERNAME: required with secrets.REGISTRY_PASSWORD: registry.acme.dev needs a user name and a password together",
    );
  });
});

describe("devportal render", () => {
  it("writes both repositories and prints the plan", async () => {
    const out = temp();
    const result = await run("render", EXAMPLE, "--settings", SETTINGS, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Repository_A  acme/orders-api (private)");
    expect(result.stdout).toContain("Repository_B  acme/gitops, apps/orders-api/");
    expect(result.stdout).not.toContain("Note:");
    const record = readFileSync(join(out, "repository-a", ".devportal", "request.yml"), "utf8");
    expect(record).toContain("service: orders-api");
  });

  it("shows the tag the deploy really uses, not :latest", async () => {
    const result = await run("plan", EXAMPLE, "--settings", SETTINGS);
    expect(result.stdout).toContain(
      "Image         ghcr.io/acme/orders-api:<full commit SHA of the green build>",
    );
    expect(result.stdout).not.toMatch(/orders-api:latest/);
    const tag = "0123456789abcdef0123456789abcdef01234567";
    const pinned = await run("plan", EXAMPLE, "--settings", SETTINGS, "--tag", tag);
    expect(pinned.stdout).toContain(`Image         ghcr.io/acme/orders-api:${tag}\n`);
  });

  it("names the manual Secret step, and seals a fresh key in sealed-secrets mode", async () => {
    const manual = await run("render", EXAMPLE, "--settings", SETTINGS, "--out", temp());
    expect(manual.stdout).toContain("Before the first sync, create orders-api-env:");
    expect(manual.stdout).toContain("kubectl -n orders-api create secret generic orders-api-env");
    const key = sealingKey();
    const dir = temp();
    const sealedSettings = join(dir, "settings.yml");
    writeFileSync(
      sealedSettings,
      `${readFileSync(SETTINGS, "utf8")}runtime_secret:\n  mode: sealed-secrets\n  certificate: ${JSON.stringify(key.certificate)}\n`,
    );
    const out = join(dir, "out");
    const sealed = await run("render", EXAMPLE, "--settings", sealedSettings, "--out", out);
    expect(sealed.stderr).toBe("");
    expect(sealed.stdout).not.toContain("Before the first sync");
    const file = readFileSync(
      join(out, "repository-b", "apps/orders-api/sealedsecret.yaml"),
      "utf8",
    );
    const value = /DJANGO_SECRET_KEY: "([^"]+)"/.exec(file)?.[1] ?? "";
    const opened = unsealValue({
      privateKey: key.privateKey,
      namespace: "orders-api",
      name: "orders-api-env",
      value,
    });
    expect(opened.length).toBeGreaterThanOrEqual(50);
  });

  it("prints the plan as JSON with --json and honours --owner and --tag", async () => {
    const tag = "0123456789abcdef0123456789abcdef01234567";
    const argv = ["--out", temp(), "--owner", "AcMe", "--tag", tag, "--json"];
    const result = await run("render", EXAMPLE, ...argv);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      ok: true,
      plan: {
        service: "orders-api",
        repository: { fullName: "AcMe/orders-api" },
        image: "ghcr.io/acme/orders-api",
        tag,
        url: "http://orders.example.com/", // no `tls` in the (absent) settings
      },
    });
  });

  it("works without settings, with placeholder names it says plainly", async () => {
    const result = await run("render", EXAMPLE, "--out", temp());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Note: placeholder owner "example-org": no --settings given/);
    expect(result.stdout).toContain('Note: placeholder domain "apps.example.com"');
    expect(result.stdout).toContain("Repository_A  example-org/orders-api");
  });

  it("uses the settings' domain and says when only the owner is a placeholder", async () => {
    const file = join(temp(), "settings.yml");
    writeFileSync(
      file,
      'request_repositories: [requests]\ndomain: apps.acme.dev\nallowed_hosts: ["*.example.com"]\n',
    );
    const result = await run("plan", EXAMPLE, "--settings", file, "--json");
    const output = JSON.parse(result.stdout);
    expect(output.notes).toHaveLength(1);
    expect(output.notes[0]).toContain("the settings name no owner");
    expect(output.plan.repository.fullName).toBe("example-org/orders-api");
  });

  it("refuses an invalid tag", async () => {
    const result = await run("render", EXAMPLE, "--out", temp(), "--owner", "acme", "--tag=-bad");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tag: "-bad" is not an image tag');
  });

  it("is deterministic: two renders are byte-identical", async () => {
    const [a, b] = [temp(), temp()];
    await run("render", EXAMPLE, "--settings", SETTINGS, "--out", a);
    await run("render", EXAMPLE, "--settings", SETTINGS, "--out", b);
    const { plan } = JSON.parse(
      (await run("plan", EXAMPLE, "--settings", SETTINGS, "--json")).stdout,
    );
    for (const file of plan.repository.files as string[]) {
      expect(readFileSync(join(a, "repository-a", file), "utf8")).toBe(
        readFileSync(join(b, "repository-a", file), "utf8"),
      );
    }
  });
});

describe("devportal plan", () => {
  it("prints the plan with every file", async () => {
    const result = await run("plan", EXAMPLE, "--settings", SETTINGS);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nRepository_A:\n( {2}\S+\n)* {2}manage\.py\n/);
    expect(result.stdout).toMatch(
      /\nRepository_B:\n( {2}\S+\n)* {2}apps\/orders-api\/kustomization\.yaml\n/,
    );
  });

  it("writes nothing: --out belongs to render", async () => {
    const result = await run("plan", EXAMPLE, "--out", temp());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("plan writes nothing; use render --out <dir> to write files");
  });
});

describe("usage", () => {
  it.each([
    [[], 2, "Usage:"],
    [["--help"], 0, "Usage:"],
    [["render", EXAMPLE], 2, "render needs --out <dir>"],
    [["frobnicate"], 2, 'unknown command "frobnicate"; commands: validate, validate-settings'],
    [["rendr", EXAMPLE], 2, 'unknown command "rendr" — did you mean "render"?'],
    [["validate-setings", "x.yml"], 2, 'did you mean "validate-settings"?'],
    [["validate", "--bogus"], 2, "Unknown option '--bogus'"],
    [["toString"], 2, 'unknown command "toString"'],
  ])("%j exits %i", async (argv, code, text) => {
    const result = await run(...(argv as string[]));
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).toContain(text);
  });

  it("prints the JSON Schemas", async () => {
    expect(JSON.parse((await run("schema")).stdout).title).toBe("Dev Portal service request");
    expect(JSON.parse((await run("settings-schema")).stdout).title).toBe("Dev Portal settings");
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";

const root = join(import.meta.dirname, "..", "..", "..");
const example = join(root, "examples", "orders-api.devportal.yml");
const settings = join(root, "examples", "settings.yml");

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "devportal-cli-"));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("devportal validate", () => {
  it("accepts the example", async () => {
    const result = await run("validate", example);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("service orders-api is valid (2 models, 8 fields)");
  });

  it("lists every problem and exits 1", async () => {
    const dir = temp();
    const file = join(dir, "bad.yml");
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
    const dir = temp();
    const file = join(dir, "broken.yml");
    writeFileSync(file, "service: x\nmodels: [\n");
    const result = await run("validate", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/YAML syntax error at line \d+, column \d+/);
  });

  it("checks the settings file too, in the same run", async () => {
    const dir = temp();
    const file = join(dir, "settings.yml");
    writeFileSync(
      file,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  KEY: { from_env: PRIVATE_KEY }\n",
    );
    const result = await run("validate", example, "--settings", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('secrets.KEY.from_env: "PRIVATE_KEY" is not allowed');
  });
});

describe("devportal render", () => {
  it("writes both repositories and prints the plan", async () => {
    const out = temp();
    const result = await run("render", example, "--settings", settings, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Repository_A  acme/orders-api (private)");
    expect(result.stdout).toContain("Repository_B  acme/gitops, apps/orders-api/");
    const record = readFileSync(join(out, "repository-a", ".devportal", "request.yml"), "utf8");
    expect(record).toContain("service: orders-api");
  });

  it("prints the plan as JSON with --json and honours --owner and --tag", async () => {
    const out = temp();
    const tag = "0123456789abcdef0123456789abcdef01234567";
    const result = await run(
      "render",
      example,
      "--out",
      out,
      "--owner",
      "AcMe",
      "--tag",
      tag,
      "--json",
    );
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({
      service: "orders-api",
      repository: { fullName: "AcMe/orders-api" },
      image: "ghcr.io/acme/orders-api",
      tag,
    });
  });

  it("needs an owner from the settings or --owner", async () => {
    const result = await run("render", example, "--out", temp());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("owner: no organisation to create the service in");
  });

  it("refuses an invalid tag", async () => {
    const result = await run("render", example, "--out", temp(), "--owner", "acme", "--tag=-bad");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tag: "-bad" is not an image tag');
  });

  it("is deterministic: two renders are byte-identical", async () => {
    const [a, b] = [temp(), temp()];
    await run("render", example, "--settings", settings, "--out", a, "--json");
    await run("render", example, "--settings", settings, "--out", b, "--json");
    const plan = JSON.parse(
      (await run("render", example, "--settings", settings, "--out", a, "--json")).stdout,
    );
    for (const file of plan.repository.files as string[]) {
      expect(readFileSync(join(a, "repository-a", file), "utf8")).toBe(
        readFileSync(join(b, "repository-a", file), "utf8"),
      );
    }
  });
});

describe("usage", () => {
  it.each([
    [[], 2, "Usage:"],
    [["--help"], 0, "Usage:"],
    [["render", example], 2, "render needs --out <dir>"],
    [["frobnicate"], 2, 'unknown command "frobnicate"'],
    [["validate", "--bogus"], 2, "Unknown option '--bogus'"],
  ])("%j exits %i", async (argv, code, text) => {
    const result = await run(...(argv as string[]));
    expect(result.code).toBe(code);
    expect(result.stdout + result.stderr).toContain(text);
  });

  it("prints the JSON Schema", async () => {
    const result = await run("schema");
    expect(JSON.parse(result.stdout).title).toBe("Dev Portal service request");
  });
});

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, runCli, SETTINGS, useTempDirs } from "../../support/cli/run-cli.js";

const temp = useTempDirs();

/** Run with --json: stdout must be exactly one JSON document and stderr empty, whatever
 * happened. */
async function runJson(...argv: string[]) {
  const result = await runCli(...argv, "--json");
  expect(result.stderr).toBe("");
  return { code: result.code, output: JSON.parse(result.stdout) };
}

describe("--json everywhere, errors included", () => {
  it.each([
    ["validate", [EXAMPLE], { ok: true, service: "orders-api", models: 2, fields: 8 }],
    ["validate-settings", [SETTINGS], { ok: true, secrets: [] }],
    ["plan", [EXAMPLE], { ok: true, plan: { service: "orders-api" } }],
    ["--version", [], { ok: true }],
  ])("%s succeeds as JSON", async (command, args, expected) => {
    const { code, output } = await runJson(command, ...args);
    expect(code).toBe(0);
    expect(output).toMatchObject(expected);
  });

  it("reports invalid input of every file as problems", async () => {
    const dir = temp();
    const request = join(dir, "bad.yml");
    const settings = join(dir, "settings.yml");
    writeFileSync(request, "service: Bad_Name\nmodels: []\n");
    writeFileSync(
      settings,
      "request_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  KEY: { from_env: PRIVATE_KEY }\n",
    );
    const { code, output } = await runJson("validate", request, "--settings", settings);
    expect(code).toBe(1);
    expect(output.ok).toBe(false);
    expect(output.error).toBe("invalid");
    const files = new Set(output.problems.map((problem: { file: string }) => problem.file));
    expect(files).toEqual(new Set([request, settings]));
    expect(output.problems).toContainEqual({
      file: settings,
      path: "secrets.KEY.from_env",
      message:
        '"PRIVATE_KEY" is not allowed: secrets may only come from environment variables named DEVPORTAL_SECRET_*',
    });
  });

  it("reports a missing file as a problem", async () => {
    const { code, output } = await runJson("validate-settings", "no-such.yml");
    expect(code).toBe(1);
    expect(output.problems[0]).toMatchObject({ file: "no-such.yml", path: "" });
    expect(output.problems[0].message).toContain("no such file");
  });

  it.each([
    [["rendr", EXAMPLE], 'unknown command "rendr" — did you mean "render"?'],
    [["render", EXAMPLE], "render needs --out <dir>"],
    [["validate", "--bogus"], "Unknown option '--bogus'"],
    [["validate"], "validate takes one request file"],
  ])("reports usage errors: %j", async (argv, message) => {
    const { code, output } = await runJson(...argv);
    expect(code).toBe(2);
    expect(output).toMatchObject({ ok: false, error: "usage" });
    expect(output.message).toContain(message);
  });

  it("reports a refused output directory", async () => {
    const out = temp();
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const { code, output } = await runJson("render", EXAMPLE, "--out", out);
    expect(code).toBe(2);
    expect(output.message).toContain("is not empty");
  });
});

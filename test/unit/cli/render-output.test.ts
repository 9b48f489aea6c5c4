import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST } from "../../../src/cli/write-output.js";
import { EXAMPLE, runCli, SETTINGS, useTempDirs } from "../../support/cli/run-cli.js";

const temp = useTempDirs();
const render = (out: string, ...extra: string[]) =>
  runCli("render", EXAMPLE, "--settings", SETTINGS, "--out", out, ...extra);

describe("render --out", () => {
  it("creates a directory that does not exist yet", async () => {
    const out = join(temp(), "new", "dir");
    expect((await render(out)).code).toBe(0);
    expect(existsSync(join(out, "repository-a", "manage.py"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8"));
    expect(manifest.files).toContain("repository-b/apps/orders-api/kustomization.yaml");
  });

  it("refuses a non-empty directory without --force and leaves it untouched", async () => {
    const out = temp();
    mkdirSync(join(out, "repository-a"));
    writeFileSync(join(out, "repository-a", "keep.txt"), "mine\n");
    const result = await render(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${out} is not empty`);
    expect(result.stderr).toContain("pass --force");
    expect(existsSync(join(out, "repository-a", "manage.py"))).toBe(false);
    expect(existsSync(join(out, MANIFEST))).toBe(false);
  });

  it("with --force, never deletes what it did not write", async () => {
    const out = temp();
    mkdirSync(join(out, "repository-a"));
    mkdirSync(join(out, "repository-b"));
    writeFileSync(join(out, "repository-a", "keep.txt"), "mine\n");
    writeFileSync(join(out, "repository-b", "notes.md"), "mine too\n");
    const result = await render(out, "--force");
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, "repository-a", "keep.txt"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(out, "repository-b", "notes.md"), "utf8")).toBe("mine too\n");
    expect(existsSync(join(out, "repository-a", "manage.py"))).toBe(true);
  });

  it("with --force, removes only the files its previous render wrote and no longer writes", async () => {
    const out = temp();
    expect((await render(out)).code).toBe(0);
    // A previous render that also wrote a file since dropped from the templates, and a
    // manifest someone edited to point outside the directory.
    const outside = join(temp(), "precious.txt");
    writeFileSync(outside, "precious\n");
    mkdirSync(join(out, "repository-a", "old"), { recursive: true });
    writeFileSync(join(out, "repository-a", "old", "gone.py"), "stale\n");
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8"));
    manifest.files.push("repository-a/old/gone.py", `../${outside.split("/").slice(-2).join("/")}`);
    writeFileSync(join(out, MANIFEST), JSON.stringify(manifest));
    const result = await render(out, "--force");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("removed repository-a/old/gone.py (no longer rendered)");
    expect(existsSync(join(out, "repository-a", "old"))).toBe(false);
    expect(readFileSync(outside, "utf8")).toBe("precious\n");
  });

  it("refuses to write through a link that leaves the directory", async () => {
    const out = temp();
    const elsewhere = temp();
    symlinkSync(elsewhere, join(out, "repository-a"));
    const result = await render(out, "--force");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("refusing to write through a link leaving");
    expect(existsSync(join(elsewhere, "manage.py"))).toBe(false);
  });

  it("refuses a file given as --out", async () => {
    const file = join(temp(), "file.txt");
    writeFileSync(file, "x\n");
    const result = await render(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is a file: give a directory");
  });
});

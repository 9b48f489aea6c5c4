import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commandsOf, words } from "../../support/docs/doc-commands.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const ENTRY = join(ROOT, "test", "support", "cli", "devportal-entry.ts");
// tsx's loader by path: the commands run in a directory without node_modules.
const TSX = join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
const DOCUMENTS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs")).map((name) => `docs/${name}`),
].filter((path) => path.endsWith(".md"));
const SCRIPTS = Object.keys(
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as object,
);
/** npm's own commands the docs may use besides `npm run <script>`. */
const NPM_BUILTINS = new Set(["ci", "install", "test", "start"]);

const commands = DOCUMENTS.flatMap((document) =>
  commandsOf(document, readFileSync(join(ROOT, document), "utf8")),
);
const devportal = commands.filter(({ line }) => /^(npx )?devportal /.test(line));
const kustomize = commands.filter(({ line }) => line.startsWith("kubectl kustomize "));
const npm = commands.filter(({ line }) => line.startsWith("npm "));

/** A checkout as a newcomer has it: the repository's examples and deploy/, a GitOps
 * checkout beside it. Commands run there, in document order, as separate processes. */
const sandbox = mkdtempSync(join(tmpdir(), "devportal-docs-"));
const repo = join(sandbox, "repo");
mkdirSync(join(sandbox, "gitops"));
for (const dir of ["examples", "deploy"])
  cpSync(join(ROOT, dir), join(repo, dir), { recursive: true });
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function run(command: string, args: string[]) {
  return spawnSync(command, args, { cwd: repo, encoding: "utf8", timeout: 60_000 });
}

describe("every command in the docs is real", () => {
  it("finds the commands (the extraction itself works)", () => {
    expect(devportal.length).toBeGreaterThanOrEqual(8);
    expect(kustomize.length).toBeGreaterThanOrEqual(2);
    expect(npm.length).toBeGreaterThanOrEqual(4);
    expect(
      commandsOf("x.md", "```sh\nA=1 npm run x && npx devportal plan \\\n  y.yml  # why\n```\n"),
    ).toEqual([
      { document: "x.md", line: "npm run x" },
      { document: "x.md", line: "npx devportal plan y.yml" },
    ]);
  });

  it.each(npm.map((c) => [c.document, c.line]))("%s: %s names a real npm command", (_doc, line) => {
    const [, verb, script] = words(line);
    if (verb === "run") expect(SCRIPTS).toContain(script);
    else expect(NPM_BUILTINS.has(verb ?? "")).toBe(true);
  });

  // In document order: a later command may read what an earlier one wrote (portal-app, then
  // kustomize of its output).
  const offline = commands.filter((c) => devportal.includes(c) || kustomize.includes(c));
  it.each(offline.map((c) => [c.document, c.line]))("%s: %s runs offline", (_doc, line) => {
    const argv = words(line);
    const result = line.startsWith("kubectl")
      ? run("kubectl", argv.slice(1))
      : run(process.execPath, ["--import", TSX, ENTRY, ...argv.slice(argv[0] === "npx" ? 2 : 1)]);
    expect(result.error).toBeUndefined();
    expect(result.status, `${line}\n${result.stderr}`).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});

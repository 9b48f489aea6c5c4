import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandsOf, words } from "../../support/docs/doc-commands.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
/** What `npx devportal` runs in a checkout: the package's bin on the built lib/. */
const BIN = join(ROOT, "bin", "devportal.js");
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
beforeAll(() => assertBuilt());

/** lib/ must be built from the current sources (`npm test` builds it first). */
function assertBuilt(): void {
  const built = join(ROOT, "lib", "cli.js");
  if (!existsSync(built)) throw new Error("lib/cli.js is missing: run npm run build");
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
        entry.isDirectory()
          ? newest(join(dir, entry.name))
          : statSync(join(dir, entry.name)).mtimeMs,
      ),
    );
  if (statSync(built).mtimeMs < newest(join(ROOT, "src")))
    throw new Error("lib/ is older than src/: run npm run build");
}

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
      : run(process.execPath, [BIN, ...argv.slice(argv[0] === "npx" ? 2 : 1)]);
    expect(result.error).toBeUndefined();
    expect(result.status, `${line}\n${result.stderr}`).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../../../src/cli/write-tree.js";
import { markdownText } from "../../../src/render/markdown-text.js";
import type { Rendered } from "../../../src/render/render.js";
import { PYTHON, requireDjangoTools } from "../../support/django/python-tools.js";
import { renderExample } from "../../support/django/render-example.js";

// The kitchen-sink example's free text tries to break out of Python strings, docstrings,
// Markdown and templates. Whatever it holds, the generated code must compile and carry the
// text exactly, and the README must show it as plain words.
describe("hostile free text in the kitchen-sink service", () => {
  let rendered: Rendered;
  let dir: string;

  beforeAll(() => {
    requireDjangoTools();
    rendered = renderExample("kitchen-sink.devportal.yml");
    dir = mkdtempSync(join(tmpdir(), "devportal-hostile-"));
    writeTree(dir, rendered.repositoryA);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compiles every generated .py file", () => {
    const files = Object.keys(rendered.repositoryA).filter((path) => path.endsWith(".py"));
    expect(files.length).toBeGreaterThan(15);
    // py_compile exits non-zero, naming the file, on the first syntax error.
    execFileSync(PYTHON, ["-B", "-m", "py_compile", ...files], { cwd: dir, stdio: "pipe" });
  });

  it("carries descriptions and help texts into Python exactly", () => {
    const { request } = rendered.context;
    const script = [
      "import ast, json, sys",
      "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())",
      "docs = {n.name: ast.get_docstring(n, clean=False) for n in tree.body if isinstance(n, ast.ClassDef)}",
      "helps = [k.value.value for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords if k.arg == 'help_text']",
      "package = ast.get_docstring(ast.parse(open(sys.argv[2], encoding='utf-8').read()), clean=False)",
      "print(json.dumps({'docs': docs, 'helps': helps, 'package': package}))",
    ].join("\n");
    const out = execFileSync(
      PYTHON,
      ["-c", script, `${request.app}/models.py`, `${request.project}/__init__.py`],
      { cwd: dir, encoding: "utf8" },
    );
    const parsed = JSON.parse(out) as {
      docs: Record<string, string>;
      helps: string[];
      package: string;
    };
    for (const model of request.models.filter((m) => m.description)) {
      expect(parsed.docs[model.name]).toBe(model.description);
    }
    const helps = request.models.flatMap((m) => m.fields.flatMap((f) => f.help_text ?? []));
    expect(helps.length).toBeGreaterThan(1);
    expect(parsed.helps).toEqual(helps);
    expect(parsed.package).toBe(request.description);
  });

  it("shows the description in the README as inert text", () => {
    const readme = rendered.repositoryA["README.md"] as string;
    const { description } = rendered.context.request;
    expect(readme).toContain(markdownText(description));
    expect(readme).not.toContain("<script>");
    expect(readme).not.toContain("](javascript:");
    expect(readme).not.toMatch(/^#+ not a heading/m);
    expect(readme).not.toMatch(/^ {4}four spaces/m);
  });
});

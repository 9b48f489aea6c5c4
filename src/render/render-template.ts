import Mustache from "mustache";

/** Generated files are code and YAML, not HTML: values go in as they are, and each view
 * prepares them for their destination (Python literals, YAML scalars) beforehand. */
const config = { escape: (value: unknown) => String(value) };

export class MissingVariableError extends Error {
  constructor(
    readonly template: string,
    readonly variables: string[],
  ) {
    super(`template ${template} uses variables the view does not provide: ${variables.join(", ")}`);
    this.name = "MissingVariableError";
  }
}

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/** Render one template; throws MissingVariableError when it names a variable the view
 * lacks, so a typo in a template fails loudly instead of rendering an empty string. */
export function renderTemplate(name: string, template: string, view: object): string {
  const tokens = Mustache.parse(template) as unknown as Token[];
  const missing = new Set<string>();
  collectMissing(tokens, [view], missing);
  if (missing.size > 0) throw new MissingVariableError(name, [...missing].sort());
  return Mustache.render(template, view, {}, config);
}

/** Mustache's own lookup rule: the innermost context that has the first name segment wins. */
function lookup(stack: readonly unknown[], name: string): { found: boolean; value?: unknown } {
  if (name === ".") return { found: true, value: stack.at(-1) };
  const [head, ...rest] = name.split(".");
  for (let i = stack.length - 1; i >= 0; i--) {
    const context = stack[i];
    if (context !== null && typeof context === "object" && head !== undefined && head in context) {
      let value: unknown = (context as Record<string, unknown>)[head];
      for (const part of rest) {
        if (value === null || typeof value !== "object" || !(part in value))
          return { found: false };
        value = (value as Record<string, unknown>)[part];
      }
      return { found: true, value };
    }
  }
  return { found: false };
}

function collectMissing(tokens: readonly Token[], stack: unknown[], missing: Set<string>): void {
  for (const token of tokens) {
    const [kind, name, , , children] = token;
    if (kind === "text" || kind === "!" || kind === "=") continue;
    const { found, value } = lookup(stack, name);
    if (!found) {
      missing.add(name);
      continue;
    }
    if (kind === "#" && children) {
      if (Array.isArray(value)) {
        for (const item of value) collectMissing(children, [...stack, item], missing);
      } else if (value) {
        collectMissing(children, typeof value === "object" ? [...stack, value] : stack, missing);
      }
    } else if (kind === "^" && children) {
      collectMissing(children, stack, missing);
    }
  }
}

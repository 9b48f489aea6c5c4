import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "../../src/render/render.js";
import { parseIssueForm } from "../../src/request/parse-issue-form.js";
import { parseRequest, validateRequest } from "../../src/request/parse-request.js";
import { formatError, type Result } from "../../src/request/service-request.js";
import { exampleSettings } from "./django/render-example.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FORM = readFileSync(
  join(ROOT, "templates/request-repository/.github/ISSUE_TEMPLATE/new-service.yml"),
  "utf8",
);

/** The expectation header of a hostile fixture: `# expect: ` lines in a YAML file,
 * `<!-- expect: ... -->` lines in a form body. */
export function expectedMessages(name: string, text: string): string[] {
  return text
    .split("\n")
    .map((line) =>
      name.endsWith(".md")
        ? /^<!-- expect: (.*) -->$/.exec(line)?.[1]
        : /^# expect: (.*)$/.exec(line)?.[1],
    )
    .filter((line) => line !== undefined);
}

/**
 * Every message the pure core gives a fixture, through its door: a `.yml` is a
 * `.devportal.yml`, a `.form.md` an issue-form body. What validates is rendered with
 * examples/settings.yml, where the platform's rules on GitOps repositories and hosts apply.
 */
export function hostileOutcome(name: string, text: string): string[] {
  const request: Result<unknown> = name.endsWith(".form.md")
    ? formRequest(text.replace(/^<!-- expect: .* -->\n/gm, ""))
    : parseRequest(text, name);
  if (!request.ok) return request.errors.map(formatError);
  const rendered = render({
    request: request.value as Parameters<typeof render>[0]["request"],
    settings: exampleSettings(),
  });
  return rendered.ok ? [] : rendered.errors.map(formatError);
}

function formRequest(body: string) {
  const raw = parseIssueForm(body, FORM);
  return raw.ok ? validateRequest(raw.value) : raw;
}

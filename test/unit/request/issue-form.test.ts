import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issueFormLabels, parseIssueForm } from "../../../src/request/parse-issue-form.js";
import { parseRequest, validateRequest } from "../../../src/request/parse-request.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const FORM = readFileSync(
  join(ROOT, "templates/request-repository/.github/ISSUE_TEMPLATE/new-service.yml"),
  "utf8",
);
const BODY = readFileSync(join(ROOT, "test/fixtures/github/issue-body.orders-api.md"), "utf8");
const FILE = readFileSync(join(ROOT, "examples/orders-api.devportal.yml"), "utf8");

describe("parseIssueForm", () => {
  it("gives the same request as the equivalent .devportal.yml: one schema, two doors", () => {
    const raw = parseIssueForm(BODY, FORM);
    if (!raw.ok) throw new Error("form did not parse");
    expect(validateRequest(raw.value)).toEqual(parseRequest(FILE));
  });

  it.each([
    [
      "_No response_ is an empty answer",
      (b: string) => b.replace("\norders_api\n", "\n_No response_\n"),
      (v: Record<string, unknown>) => expect(v.project).toBeUndefined(),
    ],
    [
      "an unticked box is false",
      (b: string) => b.replace("- [x] Allow", "- [ ] Allow"),
      (v: Record<string, unknown>) => expect(v.cors).toBe(false),
    ],
    [
      "numbers become numbers",
      (b: string) => b,
      (v: Record<string, unknown>) => expect(v.deploy).toMatchObject({ replicas: 1, port: 8000 }),
    ],
    [
      "non-numbers are left for the schema to reject",
      (b: string) => b.replace("\n8000\n", "\n80a\n"),
      (v: Record<string, unknown>) => expect(v.deploy).toMatchObject({ port: "80a" }),
    ],
    [
      "CRLF bodies parse like LF ones",
      (b: string) => b.replace(/\n/g, "\r\n"),
      (v: Record<string, unknown>) => expect(v.service).toBe("orders-api"),
    ],
    [
      "`models:` pasted with its key is accepted",
      (b: string) =>
        b
          .replace("```yaml\n", "```yaml\nmodels:\n")
          .replace(/\n(- name| {2}fields| {4})/g, "\n  $1"),
      (v: Record<string, unknown>) => expect(Array.isArray(v.models)).toBe(true),
    ],
  ])("%s", (_name, edit, check) => {
    const raw = parseIssueForm(edit(BODY), FORM);
    if (!raw.ok) throw new Error(JSON.stringify(raw.errors));
    check(raw.value);
  });

  it("reports models that are not YAML at the models field", () => {
    const raw = parseIssueForm(BODY.replace("- name: Order", "- name: [Order"), FORM);
    expect(raw.ok).toBe(false);
    if (!raw.ok) expect(raw.errors[0]?.path).toBe("models");
  });

  it("names request keys by the form's labels", () => {
    expect(issueFormLabels(FORM)).toMatchObject({
      service: "Service name",
      models: "Models",
      "deploy.host": "Host",
    });
  });
});

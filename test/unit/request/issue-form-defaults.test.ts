import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeIssueForm, parseIssueForm } from "../../../src/request/parse-issue-form.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const FORM = readFileSync(
  join(ROOT, "templates", "request-repository", ".github", "ISSUE_TEMPLATE", "new-service.yml"),
  "utf8",
);
const BODY = readFileSync(
  join(ROOT, "test", "fixtures", "github", "issue-body.orders-api.md"),
  "utf8",
);
const SKIP = /- \[ \] Skip CI\/CD.*/;
const ci = (body: string) => {
  const parsed = parseIssueForm(body, FORM);
  return parsed.ok ? parsed.value.ci : "error";
};

describe("the New service form's CI/CD box", () => {
  it.each([
    ["submitted as it comes (unticked): deploys", BODY, undefined],
    ["Skip CI/CD ticked", BODY.replace("- [ ] Skip", "- [x] Skip"), false],
    [
      "the older opt-in form, unticked: still deploys",
      BODY.replace(
        SKIP,
        "- [ ] Add the GitHub Actions workflow that tests, builds and pushes the image",
      ),
      undefined,
    ],
    [
      "the older opt-in form, ticked",
      BODY.replace(
        SKIP,
        "- [x] Add the GitHub Actions workflow that tests, builds and pushes the image",
      ),
      true,
    ],
  ])("%s", (_name, body, expected) => {
    // undefined: left to the schema's default, ci: true.
    expect(ci(body)).toBe(expected);
  });
});

describe("the Models field", () => {
  it("cites the line inside the field (the fence is GitHub's, not the requester's)", () => {
    const body = BODY.replace(
      "    paid: { type: boolean, default: false }",
      "    paid: { type: boolean\n   bad: [",
    );
    const parsed = parseIssueForm(body, FORM);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]?.message).toMatch(
      /^the models answer: YAML syntax error at line 6, column 4: /,
    );
  });
});

describe("a form issue without its label", () => {
  it("is recognised by the form's required headings, and nothing else is", () => {
    expect(looksLikeIssueForm(BODY, FORM)).toBe(true);
    expect(looksLikeIssueForm("### Service name\n\nx", FORM)).toBe(false);
    expect(looksLikeIssueForm("The button is blue.", FORM)).toBe(false);
  });
});

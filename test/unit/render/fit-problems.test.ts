import { describe, expect, it } from "vitest";
import {
  checkRunFeedback,
  clip,
  fitProblems,
  omittedNote,
  type Problem,
  problemsMarkdown,
} from "../../../src/render/feedback/fit-problems.js";
import { GITHUB_LIMITS } from "../../../src/render/feedback/github-limits.js";
import { lineOfPath, parsePath } from "../../../src/request/locate-yaml-path.js";

/** 1000 problems as a hostile request produces them: long paths, punctuation that Markdown
 * escaping doubles, and non-BMP characters. */
const MANY: Problem[] = Array.from({ length: 1000 }, (_, i) => ({
  field: `models[${i % 100}].fields.field_${i}_with_a_long_name_${"x".repeat(40)}`,
  message: `"${"[]*_`<>".repeat(10)}🚀" is not snake_case: use lowercase letters and digits separated by single underscores (e.g. placed_at) — problem ${i}`,
}));

describe("everything posted fits GitHub's limits", () => {
  it("1000 problems fit a comment, with a note of how many were left out", () => {
    const { markdown, shown, omitted } = problemsMarkdown(MANY, GITHUB_LIMITS.commentBody);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody);
    expect(shown).toBeGreaterThan(50);
    expect(shown + omitted).toBe(1000);
    expect(markdown.endsWith(omittedNote(omitted))).toBe(true);
    expect(markdown).toContain(`…and ${omitted} more problems not shown`);
    // The cut is the largest that fits: one more problem would not.
    expect(problemsMarkdown(MANY.slice(0, shown + 1), GITHUB_LIMITS.commentBody).omitted).toBe(1);
  });

  it("a short list is shown whole, without a note", () => {
    const { markdown, omitted } = problemsMarkdown(MANY.slice(0, 3), GITHUB_LIMITS.commentBody);
    expect(omitted).toBe(0);
    expect(markdown.split("\n")).toHaveLength(3);
    expect(markdown).not.toContain("not shown");
  });

  it("fits a whole document built around the list (head, plan, marker)", () => {
    const head = "<!-- marker -->\n### Dev Portal\n".padEnd(30000, "h");
    const fitted = fitProblems({
      problems: MANY,
      limit: GITHUB_LIMITS.commentBody,
      build: (shown, omitted) =>
        `${head}\n${shown.map((p) => `- ${p.field}: ${p.message}`).join("\n")}\n${omitted > 0 ? omittedNote(omitted) : ""}`,
    });
    expect(fitted.text.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody);
    expect(fitted.text.startsWith(head)).toBe(true);
    expect(fitted.text).toContain(omittedNote(fitted.omitted));
  });

  it("clips as a last resort when even no problem fits", () => {
    const fitted = fitProblems({
      problems: MANY,
      limit: 100,
      build: (shown) => "x".repeat(500) + shown.length,
    });
    expect(fitted.text).toHaveLength(100);
    expect(fitted.shown).toBe(0);
  });

  it("never splits a surrogate pair", () => {
    expect(clip("ab🚀cd", 4)).toBe("ab…");
    expect(clip("abc", 4)).toBe("abc");
  });

  it("a check run: summary within 65,535, at most 50 annotations, each at its line", () => {
    const output = checkRunFeedback({
      title: `Dev Portal: ${"t".repeat(400)}`,
      intro: "The request has 1000 problems.",
      problems: MANY,
      path: ".devportal.yml",
      lineOf: (problem) => (problem.field.startsWith("models[1]") ? 7 : undefined),
    });
    expect(output.summary.length).toBeLessThanOrEqual(GITHUB_LIMITS.checkRunSummary);
    expect(output.title.length).toBeLessThanOrEqual(255);
    expect(output.annotations).toHaveLength(50);
    expect(output.omittedAnnotations).toBe(950);
    expect(output.omittedFromSummary).toBeGreaterThan(0);
    expect(output.summary).toContain(`…and ${output.omittedFromSummary} more problems not shown`);
    expect(output.annotations[1]).toMatchObject({ path: ".devportal.yml", start_line: 7 });
    expect(output.annotations[0]).toMatchObject({ start_line: 1, annotation_level: "failure" });
  });
});

describe("lineOfPath: where a problem is, for annotations", () => {
  const text = [
    "service: orders", // 1
    "models:", // 2
    "  - name: Order", // 3
    "    fields:", // 4
    "      total: { type: decimal }", // 5
    '      "a b": string', // 6
    "deploy:", // 7
    "  host: x", // 8
  ].join("\n");
  it.each([
    ["service", 1],
    ["models[0].name", 3],
    ["models[0].fields.total.type", 5],
    ['models[0].fields["a b"]', 6],
    ["models[0].fields.total.to", 5],
    ["deploy.replicas", 7],
    ["nothing.here", 1],
    ["", 1],
  ])("%s is on line %i", (path, line) => {
    expect(lineOfPath(text, path)).toBe(line);
  });
  it("parses the paths formatPath writes", () => {
    expect(parsePath('models[1].fields["a.b"].to')).toEqual(["models", 1, "fields", "a.b", "to"]);
  });
});

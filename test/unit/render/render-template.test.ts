import { describe, expect, it } from "vitest";
import { MissingVariableError, renderTemplate } from "../../../src/render/render-template.js";

describe("renderTemplate", () => {
  it("does not HTML-escape: generated files are code", () => {
    expect(renderTemplate("t", "a = {{value}}", { value: `"<b>&'` })).toBe(`a = "<b>&'`);
  });

  it("does not render mustache inside values", () => {
    expect(renderTemplate("t", "{{value}}", { value: "{{secret}}" })).toBe("{{secret}}");
  });

  it("fails on a variable the view does not provide", () => {
    expect(() => renderTemplate("x.py", "{{project}} {{projcet}}", { project: "p" })).toThrow(
      new MissingVariableError("x.py", ["projcet"]),
    );
  });

  it("checks names inside sections against each item, and dotted names", () => {
    const template = "{{#models}}{{name}} {{plural}} {{app.label}}{{/models}}";
    expect(() =>
      renderTemplate("t", template, { app: { label: "a" }, models: [{ name: "A" }] }),
    ).toThrow(/plural/);
    expect(
      renderTemplate("t", template, { app: { label: "a" }, models: [{ name: "A", plural: "as" }] }),
    ).toBe("A as a");
  });

  it("fails on an unknown section name even when it would render nothing", () => {
    expect(() => renderTemplate("t", "{{#cors}}x{{/cors}}", {})).toThrow(/cors/);
    expect(renderTemplate("t", "{{#cors}}x{{/cors}}{{^cors}}y{{/cors}}", { cors: false })).toBe(
      "y",
    );
  });
});

import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments, stringify } from "yaml";
import {
  REQUEST_RECORD_KIND,
  REQUEST_RECORD_PATH,
} from "../../../src/render/repository-a/request-record.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { formatError } from "../../../src/request/service-request.js";
import { renderExample } from "../../support/django/render-example.js";

// The kitchen-sink example carries quotes, newlines, {{ }}, $() and unicode in its free text.
describe("YAML in Repository_A with hostile free text", () => {
  const rendered = renderExample("kitchen-sink.devportal.yml");

  it("parses every YAML file of both repositories as well-formed documents", () => {
    const yamlFiles = [
      ...Object.entries(rendered.repositoryA),
      ...Object.entries(rendered.repositoryB),
    ].filter(([path]) => /\.ya?ml$/.test(path));
    expect(yamlFiles.length).toBeGreaterThan(8);
    for (const [path, text] of yamlFiles) {
      const errors = parseAllDocuments(text).flatMap((doc) =>
        "errors" in doc ? doc.errors.map((e) => e.message) : [],
      );
      expect(errors, path).toEqual([]);
    }
  });

  it("records the request so that it reads back to the same request", () => {
    const record = parse(rendered.repositoryA[REQUEST_RECORD_PATH] ?? "");
    expect(record.kind).toBe(REQUEST_RECORD_KIND);
    const again = parseRequest(stringify(record.request));
    if (!again.ok) throw new Error(again.errors.map(formatError).join("\n"));
    expect(again.value).toEqual(rendered.context.request);
    expect(again.value.description).toContain("$(");
  });

  it("never names the record .devportal.yml, the request door", () => {
    expect(Object.keys(rendered.repositoryA)).not.toContain(".devportal.yml");
    expect(REQUEST_RECORD_PATH).toBe(".devportal/request.yml");
  });
});

import { describe, expect, it } from "vitest";
import { parseRequestRecord } from "../../../src/render/repository-a/request-record.js";
import { setKustomizationTag } from "../../../src/render/repository-b/set-kustomization-tag.js";
import { kustomizationTag } from "../../../src/services/deploy/gitops-state.js";
import { renderExample } from "../../support/django/render-example.js";
import { exampleRecord } from "./record-example.js";

describe("parseRequestRecord", () => {
  it("reads back what Repository_A records", () => {
    const record = exampleRecord();
    expect(record).toMatchObject({
      gitops: "acme/gitops",
      path: "apps/orders-api/",
      image: "ghcr.io/acme/orders-api",
      host: "orders.example.com",
      origin: { repository: "acme/requests", kind: "issue", issue: 7 },
    });
    expect(record.request.service).toBe("orders-api");
    expect(record.request.models.map((model) => model.name)).toEqual(["Order", "LineItem"]);
  });

  it.each([
    ["not YAML", "kind: [unclosed"],
    ["another kind", "kind: something/else\ndeploy: {}\nrequest: {}\n"],
    ["a record without deploy", "kind: devportal.dev/v1/RequestRecord\nrequest: {}\n"],
  ])("refuses %s", (_name, text) => {
    expect(parseRequestRecord(text)).toBeUndefined();
  });

  it("keeps the origin of a record whose request no longer validates, without a record", () => {
    const text =
      "kind: devportal.dev/v1/RequestRecord\norigin: { repository: acme/requests, kind: issue, issue: 7 }\ndeploy: { gitops: a/b, path: apps/x/, image: i, host: h }\nrequest: { service: X }\n";
    expect(parseRequestRecord(text)).toEqual({
      origin: { repository: "acme/requests", kind: "issue", issue: 7 },
      record: undefined,
    });
  });
});

describe("kustomizationTag", () => {
  const { repositoryB, context } = renderExample("orders-api.devportal.yml");
  const text = repositoryB[context.target.tagFile] as string;
  const image = context.target.image;

  it("reads the tag the render wrote", () => {
    expect(kustomizationTag(text, image)).toBe(context.target.tag);
  });

  it("reads the tag setKustomizationTag wrote, and only that line changed", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const bumped = setKustomizationTag(text, { image, tag: sha });
    expect(kustomizationTag(bumped, image)).toBe(sha);
    const before = text.split("\n");
    const after = bumped.split("\n");
    expect(after.length).toBe(before.length);
    expect(after.filter((line, index) => line !== before[index])).toEqual([`    newTag: "${sha}"`]);
  });

  it("is undefined for another image, a missing tag or broken YAML", () => {
    expect(kustomizationTag(text, "ghcr.io/acme/other")).toBeUndefined();
    expect(kustomizationTag("images:\n  - name: x\n", "x")).toBeUndefined();
    expect(kustomizationTag("images: [", "x")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { GITHUB_LIMITS } from "../../../src/render/feedback/github-limits.js";
import { decodeStatusMarker } from "../../../src/services/state-in-github.js";
import { renderStatusComment } from "../../../src/services/status/render-status-comment.js";
import { initialReport } from "../../../src/services/status/status-report.js";

const origin = { kind: "issue", repository: "acme/requests", issue: 7 } as const;

function reportWith(count: number, message = "is not allowed — remove it") {
  return {
    ...initialReport(origin, "orders-api"),
    problems: Array.from({ length: count }, (_, index) => ({
      field: `models[0].fields.field_${index}`,
      message,
    })),
  };
}

describe("the status comment fits GitHub's comment limit", () => {
  it("lists every problem when they fit, with no note", () => {
    const body = renderStatusComment(reportWith(3));
    expect(body).toContain("- **models\\[0\\]\\.fields\\.field\\_2**: is not allowed");
    expect(body).not.toContain("not shown");
  });

  it("cuts 1000 problems to the limit, says how many were left out, keeps the marker", () => {
    const body = renderStatusComment(reportWith(1000, `${"x".repeat(300)} — rename it`));
    expect(body.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody);
    const note = /…and (\d+) more problems not shown/.exec(body);
    expect(note).not.toBeNull();
    const listed = body.split("\n").filter((line) => line.startsWith("- **models\\[0\\]")).length;
    expect(listed + Number(note?.[1])).toBe(1000);
    expect(listed).toBeGreaterThan(100);
    expect(decodeStatusMarker(body)?.service).toBe("orders-api");
  });
});

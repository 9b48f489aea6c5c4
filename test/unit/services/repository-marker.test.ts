import { describe, expect, it } from "vitest";
import {
  carriesMark,
  MAX_DESCRIPTION,
  markedDescription,
  repositoryMark,
} from "../../../src/services/provision/repository-marker.js";

const origin = { repository: "acme/requests", kind: "issue" as const, issue: 7 };

describe("the mark the app sets on repositories it creates", () => {
  const mark = repositoryMark({ key: "k", fullName: "acme/orders-api", origin });

  it("binds the key, the repository and the request", () => {
    expect(mark).toMatch(/^\[devportal:[0-9a-f]{16}\]$/);
    expect(repositoryMark({ key: "k", fullName: "ACME/Orders-API", origin })).toBe(mark);
    expect(repositoryMark({ key: "other", fullName: "acme/orders-api", origin })).not.toBe(mark);
    expect(repositoryMark({ key: "k", fullName: "acme/payroll", origin })).not.toBe(mark);
    expect(
      repositoryMark({ key: "k", fullName: "acme/orders-api", origin: { ...origin, issue: 8 } }),
    ).not.toBe(mark);
  });

  it("fits GitHub's description limit, mark last", () => {
    const long = markedDescription("x".repeat(1000), mark);
    expect(long.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(carriesMark(long, mark)).toBe(true);
    expect(markedDescription("Orders\nAPI", mark)).toBe(`Orders API ${mark}`);
    expect(markedDescription("", mark)).toBe(mark);
    expect(carriesMark(`${mark} then text`, mark)).toBe(false);
    expect(carriesMark(null, mark)).toBe(false);
  });
});

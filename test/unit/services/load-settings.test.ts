import { describe, expect, it } from "vitest";
import {
  controlPlaneOf,
  type LoadedSettings,
  platformTeamMention,
  takesRequests,
} from "../../../src/services/intake/load-settings.js";

const broken = (requestRepositories: string[], platformTeam?: string): LoadedSettings => ({
  ok: false,
  source: "acme/.github: .github/devportal.yml",
  errors: [],
  requestRepositories,
  ...(platformTeam ? { platformTeam } : {}),
});

describe("the control plane", () => {
  it.each([
    [{}, { owner: "acme", repo: ".github" }],
    [{ DEVPORTAL_CONFIG_REPO: "platform-config" }, { owner: "acme", repo: "platform-config" }],
    [{ DEVPORTAL_CONFIG_REPO: "ACME/platform-config" }, { owner: "acme", repo: "platform-config" }],
    [{ DEVPORTAL_CONFIG_REPO: "evil/config" }, undefined],
    [{ DEVPORTAL_CONFIG_REPO: "  " }, { owner: "acme", repo: ".github" }],
  ])("%j -> %j", (env, expected) => {
    expect(controlPlaneOf("acme", env)).toEqual(expected);
  });

  it.each([
    [["requests"], "acme", "requests", true],
    [["acme/requests"], "acme", "Requests", true],
    [["requests"], "acme", "requests-2", false],
    [["other/requests"], "acme", "requests", false],
    [[], "acme", "requests", false],
  ])("request_repositories %j take %s/%s: %s", (list, owner, repo, expected) => {
    expect(takesRequests(broken(list), { owner, repo })).toBe(expected);
  });

  it("names the platform team when it can, in words otherwise", () => {
    expect(platformTeamMention(broken([], "platform"), "acme")).toBe("@acme/platform");
    expect(platformTeamMention(broken([]), "acme")).toBe("the platform team");
  });
});

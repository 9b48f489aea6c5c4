import { describe, expect, it } from "vitest";
import { helpText, parseCommand } from "../../../src/services/intake/parse-command.js";

describe("parseCommand: only prose runs", () => {
  it.each([
    ["/devportal retry", { kind: "command", name: "retry" }],
    ["Thanks!\n/devportal plan\n", { kind: "command", name: "plan" }],
    ["  /devportal retry", { kind: "command", name: "retry" }],
    ["/DevPortal RETRY", { kind: "command", name: "retry" }],
    ["/devportal", { kind: "command", name: "help" }],
    ["/devportal help", { kind: "command", name: "help" }],
    ["/devportal rety", { kind: "unknown", word: "rety", suggestion: "retry" }],
    ["/devportal nuke", { kind: "unknown", word: "nuke" }],
    ["```\n/devportal retry\n```", undefined],
    ["```yaml\nx\n```\n/devportal plan", { kind: "command", name: "plan" }],
    ["~~~\n/devportal retry\n~~~", undefined],
    ["````\n```\n/devportal retry\n````", undefined],
    ["`/devportal retry`", undefined],
    ["use `/devportal retry` to resume", undefined],
    ["> /devportal retry", undefined],
    ["   > /devportal retry", undefined],
    ["    /devportal retry", undefined],
    ["\t/devportal retry", undefined],
    ["<!-- /devportal retry -->", undefined],
    ["<!--\n/devportal retry", undefined],
    ["please run /devportal retry", undefined],
    ["/devportalretry", undefined],
    [null, undefined],
  ])("%j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it("help lists every command and who may run it", () => {
    const help = helpText();
    for (const name of ["plan", "retry", "help"]) expect(help).toContain(`\`/devportal ${name}\``);
    expect(help).toContain("requester, writers, platform team");
  });
});

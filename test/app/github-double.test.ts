import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";

let double: GitHubDouble;
beforeEach(async () => {
  double = await GitHubDouble.start();
  double.state.addRepo({ owner: "acme", name: "requests" });
});
afterEach(() => double.stop());

/** The double must catch what GitHub would refuse, or the flow tests prove nothing. */
describe("the GitHub double's OpenAPI checks", () => {
  async function octokit() {
    const { probot } = createTestProbot();
    return probot.auth(4242);
  }

  it("flags an operation absent from GitHub's description (as extracted into the fixture)", async () => {
    const client = await octokit();
    await expect(
      client.request("GET /repos/{owner}/{repo}/deployments", { owner: "acme", repo: "requests" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(() => double.assertClean()).toThrow(/deployments is not an operation of the fixture/);
  });

  it("flags a body that violates the operation's schema", async () => {
    const client = await octokit();
    const status = await client
      // biome-ignore lint/suspicious/noExplicitAny: deliberately outside Octokit's types
      .request("POST /repos/{owner}/{repo}/git/trees" as any, {
        owner: "acme",
        repo: "requests",
        tree: [{ path: "a", mode: "644", type: "blob", content: "x" }],
      })
      .then(
        (response) => response.status,
        (error: { status?: number }) => error.status,
      );
    // The double still serves the call; the violation is what fails a flow test (assertClean).
    expect(status).toBe(201);
    expect(double.violations.join("\n")).toMatch(/body\.tree\[0\]\.mode: "644" is not one of/);
  });

  it("flags an unknown query parameter", async () => {
    const client = await octokit();
    await client.request("GET /repos/{owner}/{repo}/issues", {
      owner: "acme",
      repo: "requests",
      label: "x",
    });
    expect(double.violations.join("\n")).toMatch(/query parameter label is not in the description/);
  });

  it("flags requests to hosts other than api.github.com", async () => {
    await expect(fetch("https://example.com/")).rejects.toThrow();
    expect(double.violations.join("\n")).toMatch(/outside the double/);
  });
});

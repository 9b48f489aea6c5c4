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
      client.request("GET /repos/{owner}/{repo}/releases", { owner: "acme", repo: "requests" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(() => double.assertClean()).toThrow(/releases is not an operation of the fixture/);
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

/** `git/trees/{tree_sha}` takes any tree-ish, as GitHub's description says ("The SHA1 value or
 * ref (branch or tag) name of the tree"): the app reads a commit's files in one request. */
describe("the GitHub double's trees", () => {
  async function treeOf(treeish: string) {
    const client = await createTestProbot().probot.auth(4242);
    return client.rest.git
      .getTree({ owner: "acme", repo: "requests", tree_sha: treeish, recursive: "true" })
      .then(
        ({ data }) => ({ sha: data.sha, paths: data.tree.map((entry) => entry.path) }),
        (error: { status?: number }) => error.status,
      );
  }

  it("resolves a tree SHA, a commit SHA and a branch name to the same tree", async () => {
    const git = (
      double.state.repo("acme", "requests") as NonNullable<ReturnType<typeof double.state.repo>>
    ).git;
    const head = git.refs.get("heads/main") as string;
    const tree = git.commits.get(head)?.tree as string;
    const expected = { sha: tree, paths: [...(git.trees.get(tree)?.keys() ?? [])] };
    expect(expected.paths.length).toBeGreaterThan(0);
    expect(await treeOf(tree)).toEqual(expected);
    expect(await treeOf(head)).toEqual(expected);
    expect(await treeOf("main")).toEqual(expected);
  });

  it("answers 404 for what names no tree, commit or ref", async () => {
    expect(await treeOf("feature")).toBe(404);
    expect(await treeOf("0".repeat(40))).toBe(404);
  });
});

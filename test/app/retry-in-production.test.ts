import { describe, expect, it } from "vitest";
import { getBranchHead } from "../../src/github/git.js";
import { listSecretNames } from "../../src/github/secrets.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { ORG } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

/** An installation client as the app gets one: Probot's retry and throttle plugins on. */
function installationOctokit() {
  return createTestProbot().probot.auth(4242);
}

describe("Octokit's retry plugin, as production runs it", () => {
  it("is on in the test harness: a 502 on a read is retried", async () => {
    double.failNext({ operationId: "repos/get", status: 502, message: "Bad Gateway" });
    const octokit = await installationOctokit();
    const { data } = await octokit.rest.repos.get({ owner: ORG, repo: "gitops" });
    expect(data.full_name).toBe(`${ORG}/gitops`);
    expect(double.calls.filter((call) => call.operationId === "repos/get")).toHaveLength(2);
  });

  it("reads the branch of an empty repository in exactly one request (409 is an answer)", async () => {
    double.state.addRepo({ owner: ORG, name: "blank", empty: true });
    const octokit = await installationOctokit();
    const head = await getBranchHead(octokit, { owner: ORG, repo: "blank", branch: "main" });
    expect(head).toBeUndefined();
    const reads = double.calls.filter((call) => call.operationId === "git/get-ref");
    expect(reads.map((call) => call.status)).toEqual([409]);
  });

  it("hands a 409 on the secrets list to the caller instead of an empty list", async () => {
    double.failNext({
      operationId: "actions/list-repo-secrets",
      status: 409,
      message: "Git Repository is empty.",
    });
    const octokit = await installationOctokit();
    await expect(listSecretNames(octokit, { owner: ORG, repo: "gitops" })).rejects.toMatchObject({
      status: 409,
    });
    expect(
      double.calls.filter((call) => call.operationId === "actions/list-repo-secrets"),
    ).toHaveLength(1);
  });
});

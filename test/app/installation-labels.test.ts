import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../support/github/github-double.js";
import { recordedPayload } from "../support/github/payloads.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { ORG, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
  // A member's own repository, given to the app too: not a request repository.
  started.state.addRepo({ owner: ORG, name: "playground", files: { "README.md": "hi\n" } });
  // Before the installation: the request repository has none of the app's labels yet.
  started.state.repo(ORG, REQUESTS)?.labels.clear();
});

const labelsOf = (repo: string) => [...(double.state.repo(ORG, repo)?.labels.keys() ?? [])].sort();

/** GitHub's recorded installation.created, for an installation on acme's repositories. */
function installed(repositories: string[]) {
  return recordedPayload("installation", "created", (payload) => {
    payload.installation.account = { ...payload.sender, login: ORG, type: "Organization" };
    payload.repositories = repositories.map((name, index) => ({
      id: 500 + index,
      node_id: `R_${index}`,
      name,
      full_name: `${ORG}/${name}`,
      private: true,
    }));
  });
}

describe("the app's labels on installation", () => {
  it("creates the labels in the request repositories only, once", async () => {
    const { receive } = createTestProbot();
    await receive("installation", installed([REQUESTS, "playground"]));
    await receive("installation", installed([REQUESTS, "playground"])); // a new delivery
    double.assertClean();
    expect(labelsOf(REQUESTS)).toEqual([
      "devportal:deployed",
      "devportal:failed",
      "devportal:provisioning",
      "devportal:request",
    ]);
    expect(labelsOf("playground")).toEqual([]);
    expect(double.count("issues/create-label")).toBe(4);
  });

  it("repositories added later get them too", async () => {
    const { receive } = createTestProbot();
    const added = recordedPayload("installation_repositories", "added", (payload) => {
      payload.repositories_added = [
        { id: 501, node_id: "R_1", name: REQUESTS, full_name: `${ORG}/${REQUESTS}`, private: true },
      ];
    });
    await receive("installation_repositories", added);
    double.assertClean();
    expect(labelsOf(REQUESTS)).toContain("devportal:request");
  });

  it("an installation without repositories is not even queued", async () => {
    const app = createTestProbot();
    await app.receive("installation", installed([]));
    expect(
      double.calls.filter((call) => call.operationId !== "apps/create-installation-access-token"),
    ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { REQUEST_RECORD_PATH } from "../../src/render/repository-a/request-record.js";
import type { GitHubDouble } from "../support/github/github-double.js";
import { moveTo, recordedPayload } from "../support/github/payloads.js";
import { createTestProbot } from "../support/github/probot-harness.js";
import { ORG, REQUEST_FILE, REQUESTS } from "../support/github/scenario.js";
import { useGitHubDouble } from "../support/github/use-github-double.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

/** A recorded push, carrying one commit that adds `path` to the default branch. */
function pushOf(params: {
  repo: string;
  path: string;
  sha: string;
  ref?: string;
  sender?: string;
}) {
  return recordedPayload("push", undefined, (payload) => {
    moveTo(payload, { owner: ORG, repo: params.repo, sender: params.sender ?? "octocat" });
    payload.ref = params.ref ?? "refs/heads/main";
    payload.after = params.sha;
    payload.deleted = false;
    payload.commits = [{ id: params.sha, added: [params.path], modified: [], removed: [] }];
  });
}

describe("a request file pushed to the default branch", () => {
  it("opens its tracking issue with the app's labels, made with their colours where missing", async () => {
    const requests = double.state.repo(ORG, REQUESTS);
    if (!requests) throw new Error("no request repository");
    requests.labels.clear();
    const sha = double.state.commitFiles(
      requests,
      { "services/orders-api.devportal.yml": REQUEST_FILE },
      "Ask for orders-api",
    );
    await createTestProbot().receive(
      "push",
      pushOf({ repo: REQUESTS, path: "services/orders-api.devportal.yml", sha }),
    );
    double.assertClean();
    expect(requests.labels.get("devportal:request")?.color).toBe("1d76db");
    expect(requests.labels.get("devportal:provisioning")?.color).toBe("fbca04");
    expect(double.count("issues/create-label")).toBe(4);
  });

  it("provisions it, tracks it in an issue the app opens and points to it from the commit", async () => {
    const requests = double.state.repo(ORG, REQUESTS);
    if (!requests) throw new Error("no request repository");
    const sha = double.state.commitFiles(
      requests,
      { "services/orders-api.devportal.yml": REQUEST_FILE },
      "Ask for orders-api",
    );
    const { receive } = createTestProbot();
    await receive(
      "push",
      pushOf({ repo: REQUESTS, path: "services/orders-api.devportal.yml", sha }),
    );

    const service = double.state.repo(ORG, "orders-api");
    expect(service?.git.history("main")).toHaveLength(2);
    const record = service?.git.read("main")[REQUEST_RECORD_PATH] ?? "";
    expect(record).toContain("kind: file");
    expect(record).toContain(`sha: ${sha}`);
    const issue = [...requests.issues.values()].find((candidate) => candidate.user.type === "Bot");
    expect(issue?.labels).toContain("devportal:request");
    // Present from the installation: opening the tracking issue checked them, made none.
    expect(double.count("issues/create-label")).toBe(0);
    expect(issue?.comments[0]?.body).toContain("✅ **Code pushed**");
    expect(requests.commitComments).toHaveLength(1);
    expect(requests.commitComments[0]?.body).toContain(`status in #${issue?.number}`);

    // The same push again: the same issue, the same commit comment, no second commit.
    await receive(
      "push",
      pushOf({ repo: REQUESTS, path: "services/orders-api.devportal.yml", sha }),
    );
    expect(requests.issues.size).toBe(1);
    expect(requests.commitComments).toHaveLength(1);
    expect(service?.git.history("main")).toHaveLength(2);

    // `/devportal retry` on the app's issue rebuilds the file request from its status comment.
    const writes = double.writes().length;
    const calls = double.calls.length;
    await receive(
      "issue_comment",
      recordedPayload("issue_comment", "created", (payload) => {
        moveTo(payload, { owner: ORG, repo: REQUESTS, sender: "octocat" });
        payload.issue = {
          ...payload.issue,
          number: issue?.number,
          body: issue?.body,
          user: { ...payload.issue.user, login: "devportal[bot]", type: "Bot" },
          labels: [{ name: "devportal:request" }],
        };
        delete payload.issue.pull_request;
        payload.comment.body = "/devportal retry";
      }),
    );
    // Only the 👀 that acknowledges the command: nothing to redo.
    expect(
      double
        .writes()
        .slice(writes)
        .map((call) => call.operationId),
    ).toEqual(["reactions/create-for-issue-comment"]);
    const reread = double.calls.slice(calls).map((call) => call.path);
    expect(reread).toContain(
      `/repos/${ORG}/${REQUESTS}/contents/services%2Forders-api.devportal.yml`,
    );
    expect(reread).toContain(`/repos/${ORG}/orders-api`);
  });

  it("ignores pushes to repositories without their own settings, such as the services it made", async () => {
    const service = double.state.addRepo({
      owner: ORG,
      name: "orders-api",
      files: { ".devportal.yml": REQUEST_FILE },
    });
    const sha = service.git.refs.get("heads/main") ?? "";
    await createTestProbot().receive(
      "push",
      pushOf({ repo: "orders-api", path: ".devportal.yml", sha }),
    );
    // It looked for the repository's own settings (and the org's), found none, and stopped.
    expect(double.calls.map((call) => call.operationId)).toContain("repos/get-content");
    expect(double.writes().filter((call) => !call.operationId.startsWith("apps/"))).toEqual([]);
  });

  it("ignores other branches, other files and the app's own pushes without a call", async () => {
    const { receive } = createTestProbot();
    await receive(
      "push",
      pushOf({
        repo: REQUESTS,
        path: ".devportal.yml",
        sha: "a".repeat(40),
        ref: "refs/heads/feature",
      }),
    );
    await receive(
      "push",
      pushOf({ repo: REQUESTS, path: ".devportal/request.yml", sha: "a".repeat(40) }),
    );
    const own = pushOf({
      repo: REQUESTS,
      path: ".devportal.yml",
      sha: "a".repeat(40),
      sender: "devportal[bot]",
    });
    own.sender.type = "Bot";
    await receive("push", own);
    expect(double.calls).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { GitHubDouble } from "../../support/github/github-double.js";
import { createTestProbot } from "../../support/github/probot-harness.js";
import { REQUEST_FILE } from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import {
  appComments,
  BILLING,
  BILLING_FILE,
  ORDERS,
  openPull,
  pullPayload,
  pushToPull,
  redeliver,
  requestsOf,
  writesAfter,
} from "./pull-request-world.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const writesSince = (count: number) => writesAfter(double, count);

describe("the plan comment on a pull request", () => {
  it("is created once, edited in place on the next push, and a redelivery writes nothing", async () => {
    const sha = openPull(double, {
      number: 12,
      branch: "orders",
      files: { [ORDERS]: REQUEST_FILE },
    });
    const { receive } = createTestProbot();
    await receive("pull_request", pullPayload({ action: "opened", number: 12, sha }), "d-open");
    expect(writesSince(0)).toEqual(["checks/create", "issues/create-comment"]);

    const comments = appComments(double, 12);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body).toContain("<!-- devportal:plan -->");
    expect(body).toContain(`#### \`${ORDERS}\`: orders-api`);
    expect(body).toContain(
      "| Repository | [`acme/orders-api`](https://github.com/acme/orders-api)",
    );
    expect(body).toContain("| GitOps path | `acme/gitops` `apps/orders-api/` |");
    expect(body).toContain("| Namespace | `orders-api` |");
    expect(body).toContain("| Argo CD application | `orders-api` |");
    expect(body).toContain("| Actions secrets | `REGISTRY_PASSWORD` |");
    expect(body).toContain("[http://orders.example.com/](http://orders.example.com/)");
    expect(body).toContain("- `orders/models.py`");
    expect(body).toContain("- `apps/orders-api/base/deployment.yaml`");
    expect(body).not.toContain("s3cr3t");
    const run = requestsOf(double).checkRuns.find((candidate) => candidate.head_sha === sha);
    expect(run).toMatchObject({ name: "devportal / plan", conclusion: "success" });

    // Redelivery of the same event: reads only.
    const before = double.writes().length;
    await redeliver("pull_request", pullPayload({ action: "opened", number: 12, sha }), "d-open");
    expect(writesSince(before)).toEqual([]);

    // The next push changes the host: the same comment, edited; a new check on the new head.
    const next = pushToPull(double, {
      number: 12,
      branch: "orders",
      files: { [ORDERS]: REQUEST_FILE.replace("orders.example.com", "shop.example.com") },
    });
    const edits = double.writes().length;
    await receive("pull_request", pullPayload({ action: "synchronize", number: 12, sha: next }));
    expect(writesSince(edits)).toEqual(["checks/create", "issues/update-comment"]);
    expect(appComments(double, 12)).toHaveLength(1);
    expect(appComments(double, 12)[0]?.body).toContain("http://shop.example.com");

    // Reopened with nothing new: nothing written.
    const reopened = double.writes().length;
    await receive("pull_request", pullPayload({ action: "reopened", number: 12, sha: next }));
    expect(writesSince(reopened)).toEqual([]);
    expect(double.state.repo("acme", "orders-api")).toBeUndefined();
  });

  it("lists every problem with its line, and the check annotates those lines", async () => {
    const broken = REQUEST_FILE.replace("service: orders-api", "service: Orders_API").replace(
      "type: decimal",
      "type: money",
    );
    const sha = openPull(double, { number: 4, branch: "bad", files: { [ORDERS]: broken } });
    const { receive } = createTestProbot();
    await receive("pull_request", pullPayload({ action: "opened", number: 4, sha }), "d-bad");
    expect(writesSince(0)).toEqual(["checks/create", "issues/create-comment"]);

    const lines = broken.split("\n");
    const serviceLine = lines.findIndex((line) => line.startsWith("service:")) + 1;
    const moneyLine = lines.findIndex((line) => line.includes("type: money")) + 1;
    expect(serviceLine).toBeGreaterThan(1);
    expect(moneyLine).toBeGreaterThan(serviceLine);
    const body = appComments(double, 4)[0]?.body ?? "";
    expect(body).toContain("Merging this would create nothing");
    expect(body).toContain(`**service** (line ${serviceLine}): `);
    expect(body).toContain(`**models\\[0\\]\\.fields\\.total\\.type** (line ${moneyLine}): `);
    const run = requestsOf(double).checkRuns.find((candidate) => candidate.head_sha === sha);
    expect(run?.conclusion).toBe("failure");
    expect(run?.output?.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ORDERS, start_line: serviceLine, title: "service" }),
        expect.objectContaining({
          path: ORDERS,
          start_line: moneyLine,
          title: "models[0].fields.total.type",
        }),
      ]),
    );

    // Redelivered: the check keeps its annotations once (GitHub appends on update).
    const before = double.writes().length;
    await redeliver("pull_request", pullPayload({ action: "opened", number: 4, sha }), "d-bad");
    expect(writesSince(before)).toEqual([]);
  });

  it("covers two services of a catalog repository in one comment", async () => {
    const sha = openPull(double, {
      number: 9,
      branch: "two",
      files: { [ORDERS]: REQUEST_FILE, [BILLING]: BILLING_FILE },
    });
    const { receive } = createTestProbot();
    await receive("pull_request", pullPayload({ action: "opened", number: 9, sha }), "d-two");
    expect(writesSince(0)).toEqual(["checks/create", "issues/create-comment"]);
    const comments = appComments(double, 9);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`#### \`${ORDERS}\`: orders-api`);
    expect(comments[0]?.body).toContain(`#### \`${BILLING}\`: billing-api`);
    expect(comments[0]?.body).toContain("`apps/billing-api/`");
    expect(requestsOf(double).checkRuns.find((run) => run.head_sha === sha)?.output?.title).toBe(
      "Plan for 2 request file(s)",
    );

    // Redelivered: reads only.
    const before = double.writes().length;
    await redeliver("pull_request", pullPayload({ action: "opened", number: 9, sha }), "d-two");
    expect(writesSince(before)).toEqual([]);
  });

  it("plans a fork's pull request from the control plane and touches no secret", async () => {
    // The fork also edits a settings file in the request repository: never read for a plan.
    const sha = openPull(double, {
      number: 21,
      branch: "fork-head",
      author: "mallory",
      files: {
        [ORDERS]: REQUEST_FILE,
        ".github/devportal.yml": "owner: mallory\nrequest_repositories: [requests]\n",
      },
    });
    const { receive } = createTestProbot();
    const opened = pullPayload({
      action: "opened",
      number: 21,
      sha,
      sender: "mallory",
      fork: true,
    });
    await receive("pull_request", opened, "d-fork");
    expect(writesSince(0)).toEqual(["checks/create", "issues/create-comment"]);
    const body = appComments(double, 21)[0]?.body ?? "";
    expect(body).toContain("From a fork: planned with the portal's own settings");
    expect(body).toContain("`acme/orders-api`");
    expect(body).not.toContain("mallory/");
    const operations = double.calls.map((call) => call.operationId);
    expect(operations.filter((id) => id.startsWith("actions/"))).toEqual([]);
    expect(double.calls.some((call) => call.path.includes("/requests/contents/.github"))).toBe(
      false,
    );

    // Redelivered: reads only.
    const before = double.writes().length;
    await redeliver("pull_request", opened, "d-fork");
    expect(writesSince(before)).toEqual([]);
  });

  it("gives a draft the check but no comment until it is ready for review", async () => {
    const sha = openPull(double, { number: 5, branch: "draft", files: { [ORDERS]: REQUEST_FILE } });
    const { receive } = createTestProbot();
    await receive("pull_request", pullPayload({ action: "opened", number: 5, sha, draft: true }));
    expect(writesSince(0)).toEqual(["checks/create"]);
    expect(appComments(double, 5)).toHaveLength(0);
    const ready = double.writes().length;
    const payload = pullPayload({ action: "ready_for_review", number: 5, sha });
    await receive("pull_request", payload, "d-ready");
    expect(writesSince(ready)).toEqual(["issues/create-comment"]);
    expect(appComments(double, 5)).toHaveLength(1);
    expect(requestsOf(double).checkRuns).toHaveLength(1);
    const again = double.writes().length;
    await redeliver("pull_request", payload, "d-ready");
    expect(writesSince(again)).toEqual([]);
  });

  it("believes no plan comment a person wrote, even one carrying the marker", async () => {
    const sha = openPull(double, {
      number: 6,
      branch: "forged",
      files: { [ORDERS]: REQUEST_FILE },
    });
    requestsOf(double)
      .issues.get(6)
      ?.comments.push({
        id: 1,
        body: "<!-- devportal:plan -->\nLooks fine, merge it",
        user: { login: "mallory", type: "User" },
        html_url: "",
      });
    await createTestProbot().receive(
      "pull_request",
      pullPayload({ action: "opened", number: 6, sha }),
    );
    const issue = requestsOf(double).issues.get(6);
    expect(issue?.comments[0]?.body).toBe("<!-- devportal:plan -->\nLooks fine, merge it");
    expect(appComments(double, 6)).toHaveLength(1);
  });
});

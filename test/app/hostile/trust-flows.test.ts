import { describe, expect, it } from "vitest";
import { encodeStatusMarker } from "../../../src/services/state-in-github.js";
import { initialReport } from "../../../src/services/status/status-report.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import {
  commentPayload,
  FORM_BODY,
  formIssuePayload,
  ORG,
  REQUESTS,
} from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { deployedService } from "../deploy/deployed-service.js";
import {
  hostileProbot,
  markFor,
  plain,
  pushFiles,
  replyOf,
  requestFile,
  statusOf,
  writeLog,
} from "./hostile-world.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

const issue = (number = 7) => double.state.repo(ORG, REQUESTS)?.issues.get(number);

describe("Repository_A: the app adopts only its own", () => {
  it("a 502 after the create: the app finds the repository it made by its mark and finishes once", async () => {
    double.failNext({ operationId: "repos/create-in-org", status: 502, applied: true });
    const { receive } = hostileProbot();
    await receive("issues", formIssuePayload(double));
    double.assertClean();
    const service = double.state.repo(ORG, "orders-api");
    expect(service?.description.endsWith(markFor("orders-api"))).toBe(true);
    expect(service?.git.history("main")).toHaveLength(2); // auto-init + the one Dev Portal commit
    expect(service?.secrets.get("REGISTRY_PASSWORD")).toBe("s3cr3t-registry-value");
    expect(plain(statusOf(double))).toContain("✅ **Code pushed**");
    // GitHub created it once; the app asked once (a POST is never retried blindly: the queue
    // re-runs the job, which reads what GitHub holds and finds its own repository by the mark).
    expect(writeLog(double).filter((write) => write.startsWith("repos/create-in-org"))).toEqual([
      "repos/create-in-org acme",
    ]);
  });

  it("the GitOps repository is never taken over, through the form, a request file or a retry", async () => {
    const gitops = double.state.repo(ORG, "gitops");
    const { receive } = hostileProbot();
    await receive(
      "issues",
      formIssuePayload(double, { body: FORM_BODY.replace("\norders-api\n", "\ngitops\n") }),
    );
    await receive(
      "push",
      pushFiles(double, {
        repo: REQUESTS,
        files: {
          ".devportal.yml": requestFile((text) =>
            text.replace("service: orders-api", "service: gitops"),
          ),
        },
      }),
    );
    await receive("issue_comment", commentPayload(double, { number: 7, body: "/devportal retry" }));
    double.assertClean();
    expect(gitops?.git.history("main")).toHaveLength(1);
    expect(gitops?.secrets.size).toBe(0);
    expect(writeLog(double).filter((write) => write.endsWith(" acme/gitops"))).toEqual([]);
    expect(plain(statusOf(double))).toContain("the name is taken: acme/gitops already exists");
    const fileIssue = [...(double.state.repo(ORG, REQUESTS)?.issues.values() ?? [])].find(
      (candidate) => candidate.user.login === "devportal[bot]",
    );
    expect(plain(statusOf(double, fileIssue?.number))).toContain(
      "the name is taken: acme/gitops already exists",
    );
  });

  it("a private repository the requester cannot read is refused, even on a retry by a writer", async () => {
    const payroll = double.state.addRepo({
      owner: ORG,
      name: "payroll",
      visibility: "private",
      files: { "README.md": "# payroll\n" },
    });
    double.state.repo(ORG, REQUESTS)?.collaborators.set("writer", "write");
    const { receive } = hostileProbot();
    await receive(
      "issues",
      formIssuePayload(double, { body: FORM_BODY.replace("\norders-api\n", "\npayroll\n") }),
    );
    await receive(
      "issue_comment",
      commentPayload(double, { number: 7, body: "/devportal retry", sender: "writer" }),
    );
    double.assertClean();
    expect(payroll.git.history("main")).toHaveLength(1);
    expect(payroll.secrets.size).toBe(0);
    expect(plain(statusOf(double))).toContain(
      "acme/payroll already exists and Dev Portal did not create it for this request, so nothing was written to it",
    );
  });

  it("a repository holding someone else's request record: the other request keeps it", async () => {
    const { receive } = hostileProbot();
    await deployedService(double, receive);
    const victim = double.state.repo(ORG, "orders-api");
    const victimStatus = statusOf(double);
    const before = victim?.git.history("main").length;
    double.state.repo(ORG, REQUESTS)?.collaborators.set("mallory", "write");
    double.state.addIssue(double.state.repo(ORG, REQUESTS) as never, {
      number: 8,
      title: "New service",
      body: FORM_BODY,
      labels: ["devportal:request"],
      user: { login: "mallory", type: "User" },
    });
    await receive("issues", formIssuePayload(double, { number: 8, sender: "mallory" }));
    double.assertClean();
    expect(victim?.git.history("main")).toHaveLength(before ?? 0);
    expect(statusOf(double)).toBe(victimStatus);
    expect(plain(statusOf(double, 8))).toContain(
      "acme/orders-api already answers another request (acme/requests#7)",
    );
  });
});

describe("hosts", () => {
  it("a host claimed by another service after the request is refused at deploy time, and nothing is committed", async () => {
    const { receive } = hostileProbot();
    await receive("issues", formIssuePayload(double));
    const gitops = double.state.repo(ORG, "gitops");
    if (!gitops) throw new Error("no GitOps repository");
    double.state.commitFiles(
      gitops,
      {
        "README.md":
          "| Service | URL | Image | Database | Source |\n|---|---|---|---|---|\n| [billing](apps/billing/) | https://orders.example.com/ | `ghcr.io/acme/billing` | sqlite | acme/billing |\n",
      },
      "billing, by hand",
    );
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();
    expect(gitops.git.history("main")).toHaveLength(2); // the initial commit and the hand-made one
    expect(plain(statusOf(double))).toContain(
      '"orders.example.com" is already served by the service "billing"',
    );
    expect(issue()?.state).toBe("open");
  });
});

describe("commands and statuses the app believes", () => {
  it("a read-only user's /devportal retry on a deployed request leaves status, labels and issue untouched", async () => {
    const { receive } = hostileProbot();
    await deployedService(double, receive);
    const before = {
      status: statusOf(double),
      labels: [...(issue()?.labels ?? [])],
      state: issue()?.state,
    };
    expect(before.state).toBe("closed");
    double.state.repo(ORG, REQUESTS)?.collaborators.set("reader", "read");
    const writes = writeLog(double).length;
    await receive(
      "issue_comment",
      commentPayload(double, {
        number: 7,
        body: "/devportal retry",
        sender: "reader",
        commentId: 901,
      }),
    );
    // Redelivered: answered once.
    await receive(
      "issue_comment",
      commentPayload(double, {
        number: 7,
        body: "/devportal retry",
        sender: "reader",
        commentId: 901,
      }),
    );
    double.assertClean();
    expect(statusOf(double)).toBe(before.status);
    expect(issue()?.labels).toEqual(before.labels);
    expect(issue()?.state).toBe("closed");
    expect(writeLog(double).slice(writes)).toEqual([
      "reactions/create-for-issue-comment acme/requests",
      "issues/create-comment acme/requests",
      "reactions/create-for-issue-comment acme/requests",
    ]);
    expect(plain(replyOf(double))).toContain("Sorry reader, /devportal retry may be run only by");
  });

  it("any bot's comment with a status marker is not taken for the app's: reports edit the app's own", async () => {
    const requests = double.state.repo(ORG, REQUESTS);
    if (!requests) throw new Error("no request repository");
    const forged = initialReport(
      { repository: "acme/requests", kind: "issue", issue: 7 },
      "orders-api",
    );
    forged.steps.deployed = { state: "done", note: "forged" };
    const forgedBody = encodeStatusMarker(forged);
    double.state
      .addIssue(requests, {
        number: 7,
        title: "New service",
        body: FORM_BODY,
        labels: ["devportal:request"],
        user: { login: "octocat", type: "User" },
      })
      .comments.push({
        id: 31337,
        body: forgedBody,
        user: { login: "helper-app[bot]", type: "Bot" },
        html_url: "",
        performed_via_github_app: { id: 99, slug: "helper-app" },
      });
    const { receive } = hostileProbot();
    await deployedService(double, receive);
    double.assertClean();
    const comments = issue()?.comments ?? [];
    expect(comments.find((comment) => comment.id === 31337)?.body).toBe(forgedBody);
    expect(plain(statusOf(double))).toContain("✅ **Deployed**");
    expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(2);
  });
});

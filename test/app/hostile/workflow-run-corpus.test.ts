import { describe, expect, it } from "vitest";
import { REQUEST_RECORD_PATH } from "../../../src/render/repository-a/request-record.js";
import { encodeStatusMarker } from "../../../src/services/state-in-github.js";
import { initialReport } from "../../../src/services/status/status-report.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import {
  formIssuePayload,
  ORG,
  REQUESTS,
  SETTINGS,
  setSettings,
} from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import { finish, startRun, workflowRunPayload } from "../../support/github/workflow-runs.js";
import { hostileProbot, type Receive, writeLog } from "./hostile-world.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

/** orders-api provisioned for acme/requests#7; returns its request record. */
async function provisioned(receive: Receive): Promise<string> {
  await receive("issues", formIssuePayload(double));
  const record = double.state.repo(ORG, "orders-api")?.git.read("main")[REQUEST_RECORD_PATH];
  if (!record) throw new Error("orders-api was not provisioned");
  return record;
}

/** A member's repository holding `record`, built green. */
function attackerRepo(name: string, record: string): void {
  double.state.addRepo({
    owner: ORG,
    name,
    files: { "README.md": "#\n", [REQUEST_RECORD_PATH]: record },
  });
}

function forgedStatus(repository: { fullName: string; id: number }): string {
  const report = initialReport(
    { repository: "acme/requests", kind: "issue", issue: 7 },
    "orders-api",
  );
  return encodeStatusMarker({ ...report, repository });
}

interface RunCase {
  name: string;
  /** Returns the repository whose green build is delivered. */
  arrange: (record: string) => string;
}

const CASES: RunCase[] = [
  {
    name: "a verbatim copy of orders-api's record in a member's repository",
    arrange: (record) => {
      attackerRepo("orders-copy", record);
      return "orders-copy";
    },
  },
  {
    name: "a copy renamed to the member's repository (service, image and path all match it)",
    arrange: (record) => {
      attackerRepo("payments", record.replaceAll("orders-api", "payments"));
      return "payments";
    },
  },
  {
    name: "a record whose origin is a member's sandbox, not a request repository",
    arrange: (record) => {
      double.state.addRepo({ owner: ORG, name: "sandbox" });
      attackerRepo(
        "payments",
        record
          .replaceAll("orders-api", "payments")
          .replace("repository: acme/requests", "repository: acme/sandbox"),
      );
      return "payments";
    },
  },
  {
    name: "a record whose origin is in another organisation",
    arrange: (record) => {
      attackerRepo(
        "payments",
        record
          .replaceAll("orders-api", "payments")
          .replace("repository: acme/requests", "repository: evil/requests"),
      );
      return "payments";
    },
  },
  {
    name: "another bot's status comment on the origin naming the member's repository by id",
    arrange: (record) => {
      attackerRepo("payments", record.replaceAll("orders-api", "payments"));
      const payments = double.state.repo(ORG, "payments");
      const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
      issue?.comments.unshift({
        id: 4242,
        body: forgedStatus({ fullName: "acme/payments", id: payments?.id ?? 0 }),
        user: { login: "evil-app[bot]", type: "Bot" },
        html_url: "",
        performed_via_github_app: { id: 666, slug: "evil-app" },
      });
      return "payments";
    },
  },
  {
    name: "a person's comment on the origin carrying a status marker naming the member's repository",
    arrange: (record) => {
      attackerRepo("payments", record.replaceAll("orders-api", "payments"));
      const payments = double.state.repo(ORG, "payments");
      double.state
        .repo(ORG, REQUESTS)
        ?.issues.get(7)
        ?.comments.unshift({
          id: 4243,
          body: forgedStatus({ fullName: "acme/payments", id: payments?.id ?? 0 }),
          user: { login: "mallory", type: "User" },
          html_url: "",
        });
      return "payments";
    },
  },
  {
    name: "orders-api deleted and created again by a member, the app's record copied in (new id)",
    arrange: (record) => {
      double.state.repos.delete(`${ORG}/orders-api`);
      attackerRepo("orders-api", record);
      return "orders-api";
    },
  },
  {
    name: "the request repository removed from request_repositories since",
    arrange: () => {
      setSettings(
        double,
        SETTINGS.replace("request_repositories: [requests]", "request_repositories: [other]"),
      );
      return "orders-api";
    },
  },
];

describe("hostile corpus, door: workflow_run — a record deploys only when believed both ways", () => {
  it.each(CASES.map((hostile) => [hostile.name, hostile] as const))(
    "%s",
    async (_name, hostile) => {
      const { receive } = hostileProbot();
      const record = await provisioned(receive);
      const statusBefore = double.state
        .repo(ORG, REQUESTS)
        ?.issues.get(7)
        ?.comments.find((c) => c.user.login === "devportal[bot]")?.body;
      const repo = hostile.arrange(record);
      const run = startRun(double, { repo });
      finish(run, "success");
      const writes = writeLog(double).length;
      await receive("workflow_run", workflowRunPayload(double, { repo, run, action: "completed" }));
      double.assertClean();
      // Zero writes: no GitOps commit, no status edit, no label, no close.
      expect(writeLog(double).slice(writes)).toEqual([]);
      expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(1);
      const issue = double.state.repo(ORG, REQUESTS)?.issues.get(7);
      expect(issue?.comments.find((c) => c.user.login === "devportal[bot]")?.body).toBe(
        statusBefore,
      );
      expect(issue?.state).toBe("open");
    },
  );

  it("the request's own repository, built green, deploys (the same path, believed)", async () => {
    const { receive } = hostileProbot();
    await provisioned(receive);
    const run = startRun(double, { repo: "orders-api" });
    finish(run, "success");
    await receive(
      "workflow_run",
      workflowRunPayload(double, { repo: "orders-api", run, action: "completed" }),
    );
    double.assertClean();
    expect(double.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(2);
    expect(double.state.repo(ORG, REQUESTS)?.issues.get(7)?.state).toBe("closed");
  });
});

import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { REQUEST_RECORD_KIND } from "../../../src/render/repository-a/request-record.js";
import { encodeStatusMarker, fileRequestMarker } from "../../../src/services/state-in-github.js";
import { initialReport } from "../../../src/services/status/status-report.js";
import type { GitHubDouble } from "../../support/github/github-double.js";
import {
  commentPayload,
  FORM_BODY,
  formIssuePayload,
  ORG,
  REQUESTS,
  SETTINGS,
  setSettings,
} from "../../support/github/scenario.js";
import { useGitHubDouble } from "../../support/github/use-github-double.js";
import {
  checkOf,
  expectWrites,
  FILE_STATUS_ONLY,
  hostileProbot,
  issueIn,
  markFor,
  PROVISIONED,
  plain,
  pullRequest,
  pushFiles,
  REACTED_AND_REPLIED,
  REFUSED_AT_REPOSITORY,
  type Receive,
  replyOf,
  repoWithRecord,
  requestFile,
  STATUS_ONLY,
  statusOf,
} from "./hostile-world.js";

let double: GitHubDouble;
useGitHubDouble((started) => {
  double = started;
});

type Door = "issue form" | "request file" | "pull request" | "command" | "settings";

interface HostileCase {
  /** What the hostile member tries. */
  name: string;
  /** The class of attack (issue 7's list). */
  threat: string;
  door: Door;
  env?: Record<string, string>;
  arrange?: (double: GitHubDouble) => void;
  act: (receive: Receive, double: GitHubDouble) => Promise<unknown>;
  /** Where the person reads the answer, and what it must say; undefined: no answer at all. */
  message?: { where: (double: GitHubDouble) => string; says: string };
  /** The exact writes, `<operationId> <owner/repo>`. */
  writes: readonly string[];
  /** Anything else that must hold afterwards. */
  also?: (double: GitHubDouble) => void;
}

const status = (d: GitHubDouble) => plain(statusOf(d));
const reply = (d: GitHubDouble) => plain(replyOf(d));
const check = (d: GitHubDouble) => checkOf(d);

const form = (change: (body: string) => string = (body) => body) => change(FORM_BODY);
const SANDBOX = "mallory-sandbox";
const sandbox = (d: GitHubDouble) => {
  const repo = d.state.addRepo({ owner: ORG, name: SANDBOX });
  repo.collaborators.set("mallory", "admin");
  return repo;
};
const EVIL_SETTINGS = `owner: acme
request_repositories: [${SANDBOX}]
domain: evil.example
secrets:
  DB: { from_env: DEVPORTAL_SECRET_PAYROLL_DB }
`;
const command =
  (body: string, sender = "octocat") =>
  async (receive: Receive, d: GitHubDouble) => {
    await receive(
      "issues",
      formIssuePayload(d, { body: form((b) => b.replace("\n1\n", "\nthree\n")) }),
    );
    d.calls.length = 0;
    await receive("issue_comment", commentPayload(d, { number: 7, body, sender }));
  };
const noWrites: string[] = [];
const untouched = (d: GitHubDouble) => {
  expect(d.state.repo(ORG, "orders-api")).toBeUndefined();
};

/** A request record in the app's format (`.devportal/request.yml`), written by the attacker. */
function record(params: { service?: string; origin?: string; issue?: number }): string {
  const service = params.service ?? "orders-api";
  const request = parse(
    requestFile((t) => t.replace("service: orders-api", `service: ${service}`)),
  );
  return stringify({
    kind: REQUEST_RECORD_KIND,
    origin: {
      repository: params.origin ?? "acme/requests",
      kind: "issue",
      issue: params.issue ?? 7,
      requester: "octocat",
    },
    deploy: {
      gitops: "acme/gitops",
      path: `apps/${service}/`,
      image: `ghcr.io/acme/${service}`,
      host: `${service}.example.com`,
    },
    request,
  });
}

const CASES: HostileCase[] = [
  // ── One control plane: settings only from the organisation's .github ─────────────────
  {
    name: "a member's own repository with its own .github/devportal.yml and a pushed request file",
    threat: "settings outside the control plane",
    door: "request file",
    arrange: (d) => {
      sandbox(d);
    },
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: SANDBOX,
          sender: "mallory",
          files: { ".github/devportal.yml": EVIL_SETTINGS, ".devportal.yml": requestFile() },
        }),
      ),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "an issue form filed in a member's sandbox (settings in the org's .github)",
    threat: "requests outside request_repositories",
    door: "issue form",
    arrange: (d) => {
      sandbox(d);
    },
    act: (receive, d) =>
      receive("issues", issueIn(d, { repo: SANDBOX, body: form(), sender: "mallory" })),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "a pull request with a request file in a member's sandbox",
    threat: "requests outside request_repositories",
    door: "pull request",
    arrange: (d) => {
      sandbox(d);
    },
    act: (receive, d) =>
      receive(
        "pull_request",
        pullRequest(d, { repo: SANDBOX, files: { ".devportal.yml": requestFile() } }),
      ),
    writes: noWrites,
    also: (d) => expect(d.state.repo(ORG, SANDBOX)?.checkRuns).toEqual([]),
  },
  {
    name: "a /devportal retry in a member's sandbox",
    threat: "requests outside request_repositories",
    door: "command",
    arrange: (d) => {
      sandbox(d);
    },
    act: async (receive, d) => {
      const payload = issueIn(d, { repo: SANDBOX, body: form(), sender: "mallory" });
      const comment = structuredClone(payload);
      await receive(
        "issue_comment",
        Object.assign(comment, {
          action: "created",
          comment: { id: 1, body: "/devportal retry", user: { login: "mallory", type: "User" } },
        }),
      );
    },
    writes: noWrites,
  },
  {
    name: "the request repository's own .github/devportal.yml adding a secret",
    threat: "settings outside the control plane",
    door: "settings",
    arrange: (d) => {
      const requests = d.state.repo(ORG, REQUESTS);
      if (requests) d.state.commitFiles(requests, { ".github/devportal.yml": EVIL_SETTINGS }, "x");
    },
    env: { DEVPORTAL_SECRET_PAYROLL_DB: "payroll-db-password" },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: PROVISIONED,
    also: (d) => {
      const secrets = d.state.repo(ORG, "orders-api")?.secrets;
      expect([...(secrets?.keys() ?? [])]).toEqual(["REGISTRY_PASSWORD"]);
    },
  },
  {
    name: "DEVPORTAL_CONFIG_REPO names the control plane: the org's .github no longer counts",
    threat: "settings outside the control plane",
    door: "settings",
    env: { DEVPORTAL_CONFIG_REPO: "platform-config" },
    arrange: (d) => {
      setSettings(
        d,
        SETTINGS.replace("request_repositories: [requests]", "request_repositories: [other]"),
        "platform-config",
      );
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "DEVPORTAL_CONFIG_REPO in another organisation governs nothing here",
    threat: "settings outside the control plane",
    door: "settings",
    env: { DEVPORTAL_CONFIG_REPO: "evil/config" },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "settings that are not YAML: nobody can be told, nothing is written, nothing thrown",
    threat: "broken settings",
    door: "settings",
    arrange: (d) => setSettings(d, "request_repositories: [requests\nowner: : :\n\t- ]"),
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "an alias bomb in the settings",
    threat: "broken settings",
    door: "settings",
    arrange: (d) =>
      setSettings(
        d,
        `request_repositories: [requests]\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
      ),
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "invalid settings that still list the repository: a platform problem, the team named",
    threat: "broken settings",
    door: "settings",
    arrange: (d) =>
      setSettings(
        d,
        "owner: acme\nrequest_repositories: [requests]\nplatform_team: platform\ndomain: apps.acme.dev\nreplicas_max: 3\n",
      ),
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: {
      where: status,
      says: "a platform problem, nothing to change in the request; @acme/platform must fix them",
    },
    writes: STATUS_ONLY,
    also: untouched,
  },
  {
    name: "settings without request_repositories: no repository takes requests",
    threat: "broken settings",
    door: "settings",
    arrange: (d) => setSettings(d, "owner: acme\ndomain: apps.acme.dev\n"),
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    writes: noWrites,
    also: untouched,
  },
  {
    name: "settings naming the app's private key as a secret source",
    threat: "secrets outside their scope",
    door: "settings",
    env: { PRIVATE_KEY: "the-app-private-key" },
    arrange: (d) =>
      setSettings(
        d,
        "owner: acme\nrequest_repositories: [requests]\ndomain: apps.acme.dev\nsecrets:\n  K: { from_env: PRIVATE_KEY }\n",
      ),
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "DEVPORTAL_SECRET_" },
    writes: STATUS_ONLY,
    also: (d) => expect(statusOf(d)).not.toContain("the-app-private-key"),
  },
  // ── Repository takeover ──────────────────────────────────────────────────────────────
  {
    name: "service: gitops (the GitOps repository itself)",
    threat: "repository takeover",
    door: "issue form",
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, { body: form((b) => b.replace("\norders-api\n", "\ngitops\n")) }),
      ),
    message: {
      where: status,
      says: "the name is taken: acme/gitops already exists and Dev Portal did not create it",
    },
    writes: REFUSED_AT_REPOSITORY,
    also: (d) => {
      expect(d.state.repo(ORG, "gitops")?.git.history("main")).toHaveLength(1);
      expect(d.state.repo(ORG, "gitops")?.secrets.size).toBe(0);
    },
  },
  {
    name: "a private repository the requester cannot read, holding only a README",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      d.state.addRepo({ owner: ORG, name: "payroll", visibility: "private" });
    },
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, { body: form((b) => b.replace("\norders-api\n", "\npayroll\n")) }),
      ),
    message: {
      where: status,
      says: "acme/payroll already exists and Dev Portal did not create it for this request",
    },
    writes: REFUSED_AT_REPOSITORY,
    also: (d) => expect(d.state.repo(ORG, "payroll")?.secrets.size).toBe(0),
  },
  {
    name: "a repository with only README, LICENSE and .gitignore",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      d.state.addRepo({
        owner: ORG,
        name: "orders-api",
        files: { "README.md": "#\n", LICENSE: "MIT\n", ".gitignore": "*.pyc\n" },
      });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "the name is taken" },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "an empty repository made by a member",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      d.state.addRepo({ owner: ORG, name: "orders-api", empty: true });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "the name is taken" },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "a repository holding someone else's request record",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      repoWithRecord(d, { name: "orders-api", record: record({ issue: 99 }) });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: {
      where: status,
      says: "acme/orders-api already answers another request (acme/requests#99)",
    },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "a member's repository with a forged record naming THIS request",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      repoWithRecord(d, { name: "orders-api", record: record({}) });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: {
      where: status,
      says: "holds a request record naming this request, but Dev Portal did not create it",
    },
    writes: REFUSED_AT_REPOSITORY,
    also: (d) => expect(d.state.repo(ORG, "orders-api")?.secrets.size).toBe(0),
  },
  {
    name: "a fresh repository carrying a mark copied from another name",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      d.state.addRepo({
        owner: ORG,
        name: "orders-api",
        description: `x ${markFor("billing")}`,
        createdAt: new Date().toISOString(),
      });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "the name is taken" },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "a marked repository created long ago",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      d.state.addRepo({
        owner: ORG,
        name: "orders-api",
        description: `x ${markFor("orders-api")}`,
        createdAt: "2024-01-01T00:00:00Z",
      });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "the name is taken" },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "a freshly marked repository with a commit of someone's on top",
    threat: "repository takeover",
    door: "issue form",
    arrange: (d) => {
      const repo = d.state.addRepo({
        owner: ORG,
        name: "orders-api",
        description: `x ${markFor("orders-api")}`,
        createdAt: new Date().toISOString(),
      });
      d.state.commitFiles(repo, { "main.go": "package main\n" }, "mine");
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: { where: status, says: "the name is taken" },
    writes: REFUSED_AT_REPOSITORY,
  },
  {
    name: "a request file naming an existing repository",
    threat: "repository takeover",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("service: orders-api", "service: gitops"),
            ),
          },
        }),
      ),
    message: { where: (d) => plain(statusOf(d, 1)), says: "the name is taken" },
    writes: [
      `issues/create ${ORG}/${REQUESTS}`,
      ...REFUSED_AT_REPOSITORY,
      `repos/create-commit-comment ${ORG}/${REQUESTS}`,
    ],
  },
  // ── The requester chooses Repository_B ───────────────────────────────────────────────
  {
    name: "deploy.gitops_repo naming a private repository (form)",
    threat: "requester chooses Repository_B",
    door: "issue form",
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, { body: form((b) => b.replace("\ngitops\n", "\nacme/payroll\n")) }),
      ),
    message: {
      where: status,
      says: '"acme/payroll" is not one of the GitOps repositories the platform allows',
    },
    writes: STATUS_ONLY,
    also: untouched,
  },
  {
    name: "deploy.gitops_repo in another owner (request file)",
    threat: "requester chooses Repository_B",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("gitops_repo: gitops", "gitops_repo: evil/gitops"),
            ),
          },
        }),
      ),
    message: {
      where: (d) => plain(statusOf(d, 1)),
      says: '"evil/gitops" is not one of the GitOps repositories',
    },
    writes: FILE_STATUS_ONLY,
    also: untouched,
  },
  {
    name: "deploy.gitops_repo not allowed (pull request plan)",
    threat: "requester chooses Repository_B",
    door: "pull request",
    act: (receive, d) =>
      receive(
        "pull_request",
        pullRequest(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("gitops_repo: gitops", "gitops_repo: payroll"),
            ),
          },
        }),
      ),
    message: { where: check, says: "failure: " },
    // The plan check (the merge gate) and the one plan comment: nothing else.
    writes: [`checks/create ${ORG}/${REQUESTS}`, `issues/create-comment ${ORG}/${REQUESTS}`],
    also: (d) => expect(checkOf(d)).toContain("is not one of the GitOps repositories"),
  },
  // ── Host hijack ──────────────────────────────────────────────────────────────────────
  {
    name: "a host outside the platform's domain (form)",
    threat: "host hijack",
    door: "issue form",
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, {
          body: form((b) => b.replace("orders.example.com", "login.bank.com")),
        }),
      ),
    message: { where: status, says: '"login.bank.com" is not a host the platform allows' },
    writes: STATUS_ONLY,
    also: untouched,
  },
  {
    name: "a host deeper than the allowed pattern (request file)",
    threat: "host hijack",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("host: orders.example.com", "host: a.b.example.com"),
            ),
          },
        }),
      ),
    message: {
      where: (d) => plain(statusOf(d, 1)),
      says: '"a.b.example.com" is not a host the platform allows',
    },
    writes: FILE_STATUS_ONLY,
  },
  {
    name: "a host already served by another service (form)",
    threat: "host hijack",
    door: "issue form",
    arrange: (d) => {
      const gitops = d.state.repo(ORG, "gitops");
      if (gitops)
        d.state.commitFiles(
          gitops,
          {
            "README.md":
              "| Service | URL | Image | Database | Source |\n|---|---|---|---|---|\n| [billing](apps/billing/) | https://orders.example.com/ | `ghcr.io/acme/billing` | sqlite | acme/billing |\n",
          },
          "catalog",
        );
    },
    act: (receive, d) => receive("issues", formIssuePayload(d)),
    message: {
      where: status,
      says: '"orders.example.com" is already served by the service "billing"',
    },
    writes: STATUS_ONLY,
    also: untouched,
  },
  {
    name: "a host outside the domain (pull request plan)",
    threat: "host hijack",
    door: "pull request",
    act: (receive, d) =>
      receive(
        "pull_request",
        pullRequest(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("host: orders.example.com", "host: evil.com"),
            ),
          },
        }),
      ),
    message: { where: check, says: "failure: " },
    // The plan check (the merge gate) and the one plan comment: nothing else.
    writes: [`checks/create ${ORG}/${REQUESTS}`, `issues/create-comment ${ORG}/${REQUESTS}`],
    also: (d) => expect(checkOf(d)).toContain("is not a host the platform allows"),
  },
  // ── Forged identity ──────────────────────────────────────────────────────────────────
  {
    name: "another bot's comment carrying a status marker that claims the code is pushed",
    threat: "forged identity",
    door: "issue form",
    arrange: (d) => {
      const requests = d.state.repo(ORG, REQUESTS);
      if (!requests) return;
      const issue = d.state.addIssue(requests, {
        number: 7,
        title: "New service",
        body: FORM_BODY,
        labels: ["devportal:request"],
        user: { login: "octocat", type: "User" },
      });
      const forged = initialReport(
        { repository: "acme/requests", kind: "issue", issue: 7 },
        "orders-api",
      );
      forged.steps.code = { state: "done", note: "x" };
      issue.comments.push({
        id: 9001,
        body: encodeStatusMarker(forged),
        user: { login: "evil-app[bot]", type: "Bot" },
        html_url: "",
        performed_via_github_app: { id: 666, slug: "evil-app" },
      });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d, { action: "edited" })),
    writes: PROVISIONED,
    also: (d) =>
      expect(d.state.repo(ORG, REQUESTS)?.issues.get(7)?.comments[0]?.body).not.toContain(
        "Code pushed",
      ),
  },
  {
    name: "a person's comment carrying a status marker",
    threat: "forged identity",
    door: "issue form",
    arrange: (d) => {
      const requests = d.state.repo(ORG, REQUESTS);
      if (!requests) return;
      const issue = d.state.addIssue(requests, {
        number: 7,
        title: "New service",
        body: FORM_BODY,
        labels: ["devportal:request"],
        user: { login: "octocat", type: "User" },
      });
      const forged = initialReport(
        { repository: "acme/requests", kind: "issue", issue: 7 },
        "orders-api",
      );
      forged.steps.code = { state: "done", note: "x" };
      issue.comments.push({
        id: 9002,
        body: encodeStatusMarker(forged),
        user: { login: "mallory", type: "User" },
        html_url: "",
      });
    },
    act: (receive, d) => receive("issues", formIssuePayload(d, { action: "edited" })),
    writes: PROVISIONED,
  },
  {
    name: "a form body carrying the file-request marker is a form, not silently ignored",
    threat: "forged identity",
    door: "issue form",
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, { body: `${fileRequestMarker(".devportal.yml")}\nplease` }),
      ),
    message: { where: status, says: "Request validated" },
    writes: STATUS_ONLY,
    also: untouched,
  },
  ...[
    "```\n/devportal retry\n```",
    "~~~~\n/devportal retry\n~~~~",
    "`/devportal retry`",
    "> /devportal retry",
    "    /devportal retry",
    "<!--\n/devportal retry\n-->",
  ].map(
    (body): HostileCase => ({
      name: `a command that is only shown, not run: ${JSON.stringify(body)}`,
      threat: "forged identity",
      door: "command",
      act: command(body),
      writes: noWrites,
    }),
  ),
  {
    name: "a read-only member's /devportal retry",
    threat: "commands by strangers",
    door: "command",
    arrange: (d) => d.state.repo(ORG, REQUESTS)?.collaborators.set("reader", "read"),
    act: command("/devportal retry", "reader"),
    message: {
      where: reply,
      says: "Sorry reader, /devportal retry may be run only by the requester (octocat), people with write access to acme/requests",
    },
    writes: REACTED_AND_REPLIED,
  },
  {
    name: "a triager's /devportal plan",
    threat: "commands by strangers",
    door: "command",
    arrange: (d) => d.state.repo(ORG, REQUESTS)?.collaborators.set("triager", "triage"),
    act: command("/devportal plan", "triager"),
    message: { where: reply, says: "Sorry triager, /devportal plan may be run only by" },
    writes: REACTED_AND_REPLIED,
  },
  {
    name: "a stranger's /devportal help is answered: help harms nobody",
    threat: "commands by strangers",
    door: "command",
    act: command("/devportal help", "stranger"),
    message: { where: reply, says: "| `/devportal retry` |" },
    writes: REACTED_AND_REPLIED,
  },
  {
    name: "a typo gets a did-you-mean",
    threat: "commands by strangers",
    door: "command",
    act: command("/devportal rety"),
    message: {
      where: reply,
      says: "is not a Dev Portal command. Did you mean `/devportal retry`?",
    },
    writes: REACTED_AND_REPLIED,
  },
  {
    name: "an unknown command gets the list, no guess",
    threat: "commands by strangers",
    door: "command",
    act: command("/devportal deploy-everything"),
    message: { where: reply, says: "is not a Dev Portal command.\n\n**Dev Portal commands**" },
    writes: REACTED_AND_REPLIED,
  },
  {
    name: "another bot's /devportal retry",
    threat: "forged identity",
    door: "command",
    act: async (receive, d) => {
      await command("/devportal plan")(receive, d).catch(() => undefined);
      const payload = commentPayload(d, {
        number: 7,
        body: "/devportal retry",
        sender: "evil-app[bot]",
        commentId: 777,
      });
      payload.sender.type = "Bot";
      d.calls.length = 0;
      await receive("issue_comment", payload);
    },
    writes: noWrites,
  },
  {
    name: "an issue another bot opened with the file marker is not taken for the app's",
    threat: "forged identity",
    door: "command",
    arrange: (d) => {
      const requests = d.state.repo(ORG, REQUESTS);
      if (!requests) return;
      d.state.addIssue(requests, {
        number: 7,
        title: "Service request",
        body: `${fileRequestMarker(".devportal.yml")}\n`,
        labels: ["devportal:request"],
        user: { login: "evil-app[bot]", type: "Bot" },
        performed_via_github_app: { id: 666, slug: "evil-app" },
      });
      d.state.commitFiles(requests, { ".devportal.yml": requestFile() }, "file");
    },
    act: async (receive, d) => {
      const payload = commentPayload(d, { number: 7, body: "/devportal plan" });
      await receive("issue_comment", payload);
    },
    message: { where: reply, says: "**No plan**" },
    writes: REACTED_AND_REPLIED,
  },
  // ── Crashes and messages that hide the problem ──────────────────────────────────────
  {
    name: "an integer bound beyond 2^53 (form)",
    threat: "crash on input that validated",
    door: "issue form",
    act: (receive, d) =>
      receive(
        "issues",
        formIssuePayload(d, {
          body: form((b) => b.replace("{ type: integer, min: 1 }", "{ type: integer, min: 1e21 }")),
        }),
      ),
    message: { where: status, says: "Models" },
    writes: STATUS_ONLY,
    also: untouched,
  },
  {
    name: "a field named models that would hide the generated module's import (file)",
    threat: "crash on input that validated",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) => t.replace("sku: string", "models: string")),
          },
        }),
      ),
    message: { where: (d) => plain(statusOf(d, 1)), says: "would hide the module models" },
    writes: FILE_STATUS_ONLY,
  },
  {
    name: "a right-to-left override in the service name is shown by code point",
    threat: "messages that hide the problem",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": requestFile((t) =>
              t.replace("service: orders-api", "service: orders\u202e-api"),
            ),
          },
        }),
      ),
    message: { where: (d) => plain(statusOf(d, 1)), says: "U+202E RIGHT-TO-LEFT OVERRIDE" },
    writes: FILE_STATUS_ONLY,
  },
  {
    name: "a merge key says merge keys are unsupported",
    threat: "messages that hide the problem",
    door: "request file",
    act: (receive, d) =>
      receive(
        "push",
        pushFiles(d, {
          repo: REQUESTS,
          files: {
            ".devportal.yml": `base: &b { replicas: 1 }\n${requestFile((t) => t.replace("deploy:", "deploy:\n  <<: *b"))}`,
          },
        }),
      ),
    message: { where: (d) => plain(statusOf(d, 1)), says: "merge key" },
    writes: FILE_STATUS_ONLY,
  },
  {
    name: "deep nesting says nested too deeply",
    threat: "messages that hide the problem",
    door: "pull request",
    act: (receive, d) =>
      receive(
        "pull_request",
        pullRequest(d, {
          repo: REQUESTS,
          files: { ".devportal.yml": `service: x\nextra: ${"[".repeat(500)}${"]".repeat(500)}\n` },
        }),
      ),
    message: { where: check, says: "nested too deeply" },
    // The plan check (the merge gate) and the one plan comment: nothing else.
    writes: [`checks/create ${ORG}/${REQUESTS}`, `issues/create-comment ${ORG}/${REQUESTS}`],
  },
];

// The workflow_run door has its own table (workflow-run-corpus.test.ts): each case needs a
// provisioned service first.
describe.each(["issue form", "request file", "pull request", "command", "settings"] as const)(
  "hostile corpus, door: %s",
  (door) => {
    const cases = CASES.filter((hostile) => hostile.door === door);
    it.each(cases.map((hostile) => [hostile.name, hostile] as const))(
      "%s",
      async (_name, hostile) => {
        hostile.arrange?.(double);
        const { receive } = hostileProbot(hostile.env);
        await hostile.act(receive, double);
        double.assertClean();
        expectWrites(double, hostile.writes);
        if (hostile.message) expect(hostile.message.where(double)).toContain(hostile.message.says);
        hostile.also?.(double);
      },
    );
  },
);

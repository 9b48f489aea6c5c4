import { readFileSync } from "node:fs";
import type { Plan } from "../../../src/render/plan.js";
import { render } from "../../../src/render/render.js";
import { parseRequest } from "../../../src/request/parse-request.js";
import { validateSettings } from "../../../src/request/parse-settings.js";
import { liveStepFor, overdueStep } from "../../../src/services/deploy/deploy-report.js";
import { statusForOutcome } from "../../../src/services/deploy/outcome.js";
import { notificationFor } from "../../../src/services/status/notify.js";
import { renderStatusComment } from "../../../src/services/status/render-status-comment.js";
import {
  initialReport,
  type StatusReport,
  withStep,
} from "../../../src/services/status/status-report.js";

const SHA = "3484a3f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
const run = {
  id: 30433642,
  number: 3,
  htmlUrl: "https://github.com/acme/orders-api/actions/runs/30433642",
};
const commit = {
  sha: "9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
  url: "https://github.com/acme/gitops/commit/9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
};
const origin = {
  repository: "acme/requests",
  kind: "issue" as const,
  issue: 7,
  requester: "octocat",
};
const ARGO = "https://argocd.acme.dev/applications/orders-api";

/** The plan as the real render makes it for the example request and these settings. */
const plan: Plan = realPlan();

function realPlan(): Plan {
  const request = parseRequest(readFileSync("examples/orders-api.devportal.yml", "utf8"));
  const settings = validateSettings({
    owner: "acme",
    request_repositories: ["requests"],
    domain: "apps.acme.dev",
    tls: { cluster_issuer: "letsencrypt" },
    deploy_reports: { argocd_url: "https://argocd.acme.dev" },
    secrets: { REGISTRY_PASSWORD: { from_env: "DEVPORTAL_SECRET_REGISTRY_PASSWORD" } },
  });
  if (!request.ok || !settings.ok) throw new Error("the example request or settings are invalid");
  const rendered = render({
    request: { ...request.value, deploy: { ...request.value.deploy, host: undefined } },
    settings: settings.value,
    tag: SHA,
  });
  if (!rendered.ok) throw new Error(rendered.errors.map((error) => error.message).join("; "));
  return rendered.value.plan;
}

/** Provisioning done: what the requester sees once the code is pushed. */
function provisioned(): StatusReport {
  let report: StatusReport = { ...initialReport(origin, "orders-api"), plan };
  report = withStep(report, "validated", {
    state: "done",
    note: `2 model(s), ${plan.repository.files.length} files to create`,
  });
  report = withStep(report, "authorized", {
    state: "done",
    note: "@octocat: write access to acme/requests",
  });
  report = withStep(report, "repository", {
    state: "done",
    note: "created; @octocat has maintain",
    link: "https://github.com/acme/orders-api",
    linkText: "acme/orders-api",
  });
  report = withStep(report, "secrets", {
    state: "done",
    note: "REGISTRY_PASSWORD set before the first commit",
  });
  report = withStep(report, "code", {
    state: "done",
    note: "one commit with every file",
    link: `https://github.com/acme/orders-api/commit/${SHA}`,
    linkText: `commit ${SHA.slice(0, 7)}`,
  });
  return withStep(report, "ci", { state: "pending", note: "waiting for the first workflow run" });
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("undefined");
  return value;
}

function must(report: StatusReport | undefined): StatusReport {
  if (!report) throw new Error("no report");
  return report;
}

/** Every status a requester can see, stage by stage, from the real code. */
export function statusStages(): { name: string; report: StatusReport }[] {
  const pushed = provisioned();
  const running = must(statusForOutcome(pushed, { kind: "ci-running", run }));
  const failedBuild = must(
    statusForOutcome(pushed, {
      kind: "failed",
      run,
      conclusion: "failure",
      jobs: [
        {
          name: "test",
          conclusion: "failure",
          url: `${run.htmlUrl}/job/1`,
          steps: [{ name: "Run Django tests", url: `${run.htmlUrl}/job/1#step:4:1` }],
        },
      ],
    }),
  );
  const committed = must(
    statusForOutcome(
      running,
      {
        kind: "deployed",
        run,
        tag: SHA,
        commit,
        application: "orders-api",
        url: plan.url,
      },
      { since: "2026-11-30T12:00:00Z", argocdApp: ARGO },
    ),
  );
  const report = (state: string, description: string) =>
    withStep(
      committed,
      "live",
      defined(
        liveStepFor({
          state,
          description,
          sha: SHA,
          argocdApp: ARGO,
          url: plan.url,
        }),
      ),
    );
  const blocked = must(
    statusForOutcome(running, {
      kind: "blocked",
      run,
      reason: "the GitOps repository acme/gitops does not exist or the app cannot see it",
      action:
        "create acme/gitops (any first commit will do) and add it to the Dev Portal app's installation, then comment `/devportal retry`",
    }),
  );
  const invalid: StatusReport = {
    ...withStep(initialReport(origin, "Orders_API"), "validated", {
      state: "failed",
      note: "2 problems in the request, listed below",
    }),
    problems: [
      {
        field: "Service name (service)",
        message: "must be a DNS label: lowercase letters, digits and -",
      },
      {
        field: "Models (models)",
        message:
          'is not valid YAML at line 6 of the field ("bad: ["): Flow map in block collection must end with a }',
      },
    ],
  };
  const settings: StatusReport = {
    ...withStep(initialReport(origin), "validated", {
      state: "failed",
      note: "the portal settings are missing or invalid; the platform team must fix them",
      owner: "platform",
    }),
    problems: [
      {
        field: ".github/devportal.yml: secrets.KEY.from_env",
        message: "must start with DEVPORTAL_SECRET_",
      },
    ],
  };
  return [
    { name: "invalid-request", report: invalid },
    { name: "settings-error", report: settings },
    { name: "provisioned", report: pushed },
    { name: "ci-running", report: running },
    { name: "ci-failed", report: failedBuild },
    { name: "gitops-blocked", report: blocked },
    { name: "committed-waiting", report: committed },
    { name: "overdue", report: withStep(committed, "live", overdueStep(committed.steps.live, 30)) },
    { name: "synced", report: report("in_progress", "") },
    { name: "live", report: report("success", "") },
    {
      name: "degraded",
      report: report(
        "failure",
        "Deployment orders-api: CrashLoopBackOff (secret orders-api-env not found)",
      ),
    },
    {
      name: "sync-failed",
      report: report("error", 'namespaces "orders-api" is forbidden: exceeded quota'),
    },
  ];
}

/** Every message a person can see: the status at each stage and the notifications. */
export function everyMessage(): { name: string; markdown: string }[] {
  const stages = statusStages();
  const byName = new Map(stages.map((stage) => [stage.name, stage.report]));
  const audience = { requester: "octocat", platformTeam: "acme/platform" };
  const notify = (from: string, to: string) =>
    notificationFor({ previous: byName.get(from), next: byName.get(to) as StatusReport, audience });
  const notifications = [
    ["notify-ci-failed", notify("ci-running", "ci-failed")],
    ["notify-platform", notify("ci-running", "gitops-blocked")],
    ["notify-overdue", notify("committed-waiting", "overdue")],
    ["notify-live", notify("committed-waiting", "live")],
    ["notify-degraded", notify("live", "degraded")],
    ["notify-sync-failed", notify("committed-waiting", "sync-failed")],
    ["notify-invalid", notify("provisioned", "invalid-request")],
  ] as const;
  return [
    ...stages.map((stage) => ({
      name: `status-${stage.name}`,
      markdown: renderStatusComment(stage.report),
    })),
    ...notifications.map(([name, markdown]) => {
      if (!markdown) throw new Error(`${name}: no notification`);
      return { name, markdown };
    }),
  ];
}

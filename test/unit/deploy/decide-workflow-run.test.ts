import { describe, expect, it } from "vitest";
import {
  type Decision,
  type DecisionInput,
  decideGreenBuild,
  decideWorkflowRun,
  type GreenBuildDecision,
  QUEUED,
  screenWorkflowRun,
  type WorkflowRunPayload,
} from "../../../src/services/deploy/decide.js";
import {
  initialReport,
  type StatusReport,
  withStep,
} from "../../../src/services/status/status-report.js";
import { exampleRecord } from "./record-example.js";
import { exampleFacts, HEAD_SHA } from "./workflow-run-example.js";

const record = exampleRecord();
const OLD = "1111111111111111111111111111111111111111";

/** Statuses as the app writes them: provisioning done and waiting for CI, then the steps
 * the deploy pipeline and Argo CD fill in. */
const waiting = initialReport(record.origin as NonNullable<typeof record.origin>);
const done = (note: string) => ({ state: "done" as const, note });
const failed = (note: string) => ({ state: "failed" as const, note });
const STATUS = {
  waiting,
  committed: withStep(waiting, "deployed", done("3484a3f committed")),
  live: withStep(withStep(waiting, "deployed", done("3484a3f committed")), "live", done("live")),
  // A crash after the commit, before its report; Argo CD then reported it live.
  liveOnly: withStep(waiting, "live", done("live")),
  // A later bump refused: the earlier deployment's live step stays.
  refusedLater: withStep(
    withStep(waiting, "live", done("live")),
    "deployed",
    failed("not deployed: diverged"),
  ),
  // The first deployment blocked (Repository_B missing): nothing was ever deployed.
  blockedFirst: withStep(waiting, "deployed", failed("gitops does not exist")),
} satisfies Record<string, StatusReport>;

/** The decision as the pipeline makes it: the screening first, then the table. */
function decide(input: Omit<DecisionInput, "screening" | "status"> & { status?: StatusReport }) {
  return decideWorkflowRun({
    ...input,
    status: input.status ?? STATUS.waiting,
    screening: screenWorkflowRun(input.facts),
  });
}

type Change = (payload: WorkflowRunPayload) => void;

const requested: Change = (p) => {
  p.action = "requested" as never;
  p.workflow_run.conclusion = null as never;
};
const inProgress: Change = (p) => {
  p.action = "in_progress" as never;
};

interface Row {
  name: string;
  change: Change;
  status: StatusReport;
  expected: Decision;
}

const LATER = "service already deployed; later builds report on completion";

const failures: Row[] = ["failure", "cancelled", "timed_out", "startup_failure"].flatMap(
  (conclusion) =>
    [STATUS.waiting, STATUS.live].map((status) => ({
      name: `completed ${conclusion}${status === STATUS.live ? " after a deployment" : ""}`,
      change: (p: WorkflowRunPayload) => {
        p.workflow_run.conclusion = conclusion as never;
      },
      status,
      expected: { kind: "report-failure" } as const,
    })),
);

const decisions: Row[] = [
  {
    name: "green build",
    change: () => {},
    status: STATUS.waiting,
    expected: { kind: "green-build" },
  },
  {
    // Whether it deploys is Repository_B's answer (decideGreenBuild), not the status's.
    name: "green build of a deployed service",
    change: () => {},
    status: STATUS.live,
    expected: { kind: "green-build" },
  },
  {
    // Reported when it starts: a queued run is not running yet, and one report is enough.
    name: "requested (queued), nothing deployed yet",
    change: requested,
    status: STATUS.waiting,
    expected: { kind: "ignore", reason: QUEUED },
  },
  {
    name: "in_progress, nothing deployed yet",
    change: inProgress,
    status: STATUS.waiting,
    expected: { kind: "ci-running" },
  },
  {
    name: "in_progress after a first deployment that was blocked",
    change: inProgress,
    status: STATUS.blockedFirst,
    expected: { kind: "ci-running" },
  },
  {
    name: "in_progress, the GitOps commit reported",
    change: inProgress,
    status: STATUS.committed,
    expected: { kind: "ignore", reason: LATER },
  },
  {
    name: "in_progress, the service live",
    change: inProgress,
    status: STATUS.live,
    expected: { kind: "ignore", reason: LATER },
  },
  {
    name: "in_progress, live said by Argo CD before the commit's own report",
    change: inProgress,
    status: STATUS.liveOnly,
    expected: { kind: "ignore", reason: LATER },
  },
  {
    name: "in_progress, a later bump refused after a deployment",
    change: inProgress,
    status: STATUS.refusedLater,
    expected: { kind: "ignore", reason: LATER },
  },
  ...failures,
];

const ignored: { name: string; change: Change; reason: RegExp }[] = [
  {
    name: "another workflow",
    change: (p) => {
      p.workflow_run.path = ".github/workflows/test.yml";
    },
    reason: /workflow/,
  },
  {
    name: "another branch",
    change: (p) => {
      p.workflow_run.head_branch = "feature";
    },
    reason: /not the default branch/,
  },
  {
    name: "a pull request run",
    change: (p) => {
      p.workflow_run.event = "pull_request";
    },
    reason: /pull_request/,
  },
  {
    name: "a push run that belongs to a pull request",
    change: (p) => {
      p.workflow_run.pull_requests = [{} as never];
    },
    reason: /pull request/,
  },
  {
    name: "a commit from a fork",
    change: (p) => {
      if (p.workflow_run.head_repository)
        p.workflow_run.head_repository.full_name = "evil/orders-api";
    },
    reason: /evil\/orders-api/,
  },
  {
    name: "a neutral conclusion",
    change: (p) => {
      p.workflow_run.conclusion = "neutral" as never;
    },
    reason: /neutral/,
  },
  {
    name: "a repository whose record names another service",
    change: (p) => {
      p.repository.name = "billing";
      p.repository.full_name = "acme/billing";
      if (p.workflow_run.head_repository) p.workflow_run.head_repository.full_name = "acme/billing";
    },
    reason: /record names service orders-api/,
  },
  {
    name: "a record copied into another owner's repository",
    change: (p) => {
      p.repository.full_name = "mallory/orders-api";
      if (p.workflow_run.head_repository)
        p.workflow_run.head_repository.full_name = "mallory/orders-api";
    },
    reason: /not built by mallory\/orders-api/,
  },
];

describe("decideWorkflowRun", () => {
  it.each(decisions)("$name", ({ change, status, expected }) => {
    expect(decide({ facts: exampleFacts(change), record, status })).toEqual(expected);
  });

  it.each(ignored)("ignores $name", ({ change, reason }) => {
    for (const status of [STATUS.waiting, STATUS.live]) {
      const decision = decide({ facts: exampleFacts(change), record, status });
      expect(decision.kind).toBe("ignore");
      expect(decision.kind === "ignore" && decision.reason).toMatch(reason);
    }
  });

  it("ignores a repository without a request record", () => {
    expect(decide({ facts: exampleFacts(), record: undefined })).toEqual({
      kind: "ignore",
      reason: "no Dev Portal request record: not our service",
    });
  });

  it("ignores a record whose GitOps path is not the service's own directory", () => {
    const decision = decide({
      facts: exampleFacts(),
      record: { ...record, path: "apps/billing/" },
    });
    expect(decision).toEqual({
      kind: "ignore",
      reason: "record path apps/billing/ is not apps/orders-api/",
    });
  });

  it("takes the tag from the run's full head SHA", () => {
    expect(exampleFacts().run.headSha).toBe(HEAD_SHA);
  });
});

describe("decideGreenBuild", () => {
  const rows: {
    name: string;
    deployedTag: string | undefined;
    imageUpdater: boolean;
    expected: GreenBuildDecision;
  }[] = [
    {
      name: "first green build",
      deployedTag: undefined,
      imageUpdater: false,
      expected: { kind: "deploy-first" },
    },
    {
      name: "later green build",
      deployedTag: OLD,
      imageUpdater: false,
      expected: { kind: "bump", from: OLD },
    },
    {
      // Handled before: only its report may be missing (a crash after the GitOps ref moved).
      name: "green build Repository_B already deploys",
      deployedTag: HEAD_SHA,
      imageUpdater: false,
      expected: { kind: "already-deployed", tag: HEAD_SHA },
    },
    {
      name: "later build of a service Argo CD Image Updater deploys",
      deployedTag: OLD,
      imageUpdater: true,
      expected: { kind: "ignore", reason: "Argo CD Image Updater deploys later builds" },
    },
    {
      // The first deployment is still the app's: the updater only moves an existing tag.
      name: "first build of a service Argo CD Image Updater will deploy",
      deployedTag: undefined,
      imageUpdater: true,
      expected: { kind: "deploy-first" },
    },
    {
      name: "green build the updater already deployed",
      deployedTag: HEAD_SHA,
      imageUpdater: true,
      expected: { kind: "already-deployed", tag: HEAD_SHA },
    },
  ];

  it.each(rows)("$name", ({ deployedTag, imageUpdater, expected }) => {
    expect(decideGreenBuild({ headSha: HEAD_SHA, deployedTag, imageUpdater })).toEqual(expected);
  });
});

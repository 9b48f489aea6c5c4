import { describe, expect, it } from "vitest";
import {
  type Decision,
  type DecisionInput,
  decideWorkflowRun,
  screenWorkflowRun,
  type WorkflowRunPayload,
} from "../../../src/services/deploy/decide.js";
import { exampleRecord } from "./record-example.js";
import { exampleFacts, HEAD_SHA } from "./workflow-run-example.js";

const record = exampleRecord();

/** The decision as the pipeline makes it: the screening first, then the table. */
function decide(input: Omit<DecisionInput, "screening">): Decision {
  return decideWorkflowRun({ ...input, screening: screenWorkflowRun(input.facts) });
}
const OLD = "1111111111111111111111111111111111111111";

type Change = (payload: WorkflowRunPayload) => void;

interface Row {
  name: string;
  change: Change;
  deployedTag: string | undefined;
  expected: Decision;
}

const failures: Row[] = ["failure", "cancelled", "timed_out", "startup_failure"].map(
  (conclusion) => ({
    name: `completed ${conclusion}`,
    change: (p) => {
      p.workflow_run.conclusion = conclusion as never;
    },
    deployedTag: OLD,
    expected: { kind: "report-failure" },
  }),
);

const decisions: Row[] = [
  {
    name: "first green build",
    change: () => {},
    deployedTag: undefined,
    expected: { kind: "deploy-first" },
  },
  {
    name: "later green build",
    change: () => {},
    deployedTag: OLD,
    expected: { kind: "bump", from: OLD },
  },
  {
    // Handled before: only its report may be missing (a crash after the GitOps ref moved).
    name: "green build Repository_B already deploys",
    change: () => {},
    deployedTag: HEAD_SHA,
    expected: { kind: "already-deployed", tag: HEAD_SHA },
  },
  {
    name: "requested, nothing deployed yet",
    change: (p) => {
      p.action = "requested" as never;
      p.workflow_run.conclusion = null as never;
    },
    deployedTag: undefined,
    expected: { kind: "ci-running" },
  },
  {
    name: "in_progress, nothing deployed yet",
    change: (p) => {
      p.action = "in_progress" as never;
    },
    deployedTag: undefined,
    expected: { kind: "ci-running" },
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
  it.each(decisions)("$name", ({ change, deployedTag, expected }) => {
    expect(decide({ facts: exampleFacts(change), record, deployedTag })).toEqual(expected);
  });

  it.each(ignored)("ignores $name", ({ change, reason }) => {
    const decision = decide({ facts: exampleFacts(change), record, deployedTag: OLD });
    expect(decision.kind).toBe("ignore");
    expect(decision.kind === "ignore" && decision.reason).toMatch(reason);
  });

  it("ignores a repository without a request record", () => {
    expect(decide({ facts: exampleFacts(), record: undefined, deployedTag: undefined })).toEqual({
      kind: "ignore",
      reason: "no Dev Portal request record: not our service",
    });
  });

  it("ignores a record whose GitOps path is not the service's own directory", () => {
    const decision = decide({
      facts: exampleFacts(),
      record: { ...record, path: "apps/billing/" },
      deployedTag: undefined,
    });
    expect(decision).toEqual({
      kind: "ignore",
      reason: "record path apps/billing/ is not apps/orders-api/",
    });
  });

  it("leaves later builds to Argo CD Image Updater when the service uses it", () => {
    const facts = exampleFacts();
    expect(decide({ facts, record, deployedTag: OLD, imageUpdater: true })).toEqual({
      kind: "ignore",
      reason: "Argo CD Image Updater deploys later builds",
    });
    // The first deployment is still the app's: the updater only moves an existing tag.
    expect(decide({ facts, record, deployedTag: undefined, imageUpdater: true })).toEqual({
      kind: "deploy-first",
    });
  });

  it("does not report later builds as running", () => {
    const facts = exampleFacts((p) => {
      p.action = "in_progress" as never;
    });
    expect(decide({ facts, record, deployedTag: OLD }).kind).toBe("ignore");
  });

  it("takes the tag from the run's full head SHA", () => {
    expect(exampleFacts().run.headSha).toBe(HEAD_SHA);
  });
});

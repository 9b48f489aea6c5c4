import { screenWorkflowRun } from "./screen-workflow-run.js";
import type { ServiceRecord } from "./service-record.js";
import type { WorkflowRunFacts } from "./workflow-run-facts.js";

export type Decision =
  | { kind: "ignore"; reason: string }
  | { kind: "ci-running" }
  | { kind: "deploy-first" }
  | { kind: "bump"; from: string }
  | { kind: "report-failure" };

export interface DecisionInput {
  facts: WorkflowRunFacts;
  /** The request record at the run's head SHA; undefined when the repository has none. */
  record: ServiceRecord | undefined;
  /** The tag `apps/<service>/kustomization.yaml` deploys now; undefined before the first
   * deployment (or when Repository_B is missing, which the deploy step reports). */
  deployedTag: string | undefined;
  /** Argo CD Image Updater writes this service's later tags (settings.image_updater). */
  imageUpdater?: boolean;
}

/**
 * What a `workflow_run` delivery asks of the app. Pure: the caller reads the record and
 * Repository_B first, so a redelivery or a late run lands on the same answer as long as
 * GitHub holds the same state, and every case is a table row in the unit tests.
 */
export function decideWorkflowRun(input: DecisionInput): Decision {
  const { facts, record, deployedTag } = input;
  const screening = screenWorkflowRun(facts);
  if (!screening.ok) return { kind: "ignore", reason: screening.reason };
  if (!record) return { kind: "ignore", reason: "no Dev Portal request record: not our service" };
  const foreign = foreignRecord(facts, record);
  if (foreign) return { kind: "ignore", reason: foreign };
  switch (screening.phase) {
    case "running":
      // Later builds are reported when they finish: a deployed service's status comment
      // (on a closed issue) should not flicker with every push.
      return deployedTag === undefined
        ? { kind: "ci-running" }
        : { kind: "ignore", reason: "service already deployed; later builds report on completion" };
    case "failed":
      return { kind: "report-failure" };
    case "succeeded":
      if (deployedTag === undefined) return { kind: "deploy-first" };
      // Two writers of one tag would race each other's commits: the updater owns it.
      if (input.imageUpdater) {
        return { kind: "ignore", reason: "Argo CD Image Updater deploys later builds" };
      }
      return { kind: "bump", from: deployedTag };
  }
}

/**
 * A record copied into another repository must not deploy anything: the record's image is
 * the one this repository's workflow pushes (registry/owner/name, lowercase), and its
 * GitOps path is the service's own directory, or the record is not this repository's.
 */
function foreignRecord(facts: WorkflowRunFacts, record: ServiceRecord): string | undefined {
  const service = record.request.service;
  if (service !== facts.repository.name.toLowerCase()) {
    return `record names service ${service}, repository is ${facts.repository.fullName}`;
  }
  if (!record.image.endsWith(`/${facts.repository.fullName.toLowerCase()}`)) {
    return `record image ${record.image} is not built by ${facts.repository.fullName}`;
  }
  if (record.path !== `apps/${service}/`) {
    return `record path ${record.path} is not apps/${service}/`;
  }
  return undefined;
}

import { isDeepStrictEqual } from "node:util";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import type {
  DeployRequest,
  RequestOrigin,
  ServiceRequest,
} from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import { readRequestRecord } from "../read-request-record.js";
import { type StatusReport, withStep } from "../status/status-report.js";
import { withKeyLock } from "../with-key-lock.js";
import { readGitopsState } from "./gitops-state.js";
import type { GitopsCommit } from "./outcome.js";
import { commitServiceChange } from "./service-commit.js";

export type RequestChange =
  | { kind: "none"; modelsIgnored: boolean }
  | { kind: "applied"; changed: string[]; commit: GitopsCommit | undefined; modelsIgnored: boolean }
  | { kind: "not-applied"; reason: string; modelsIgnored: boolean };

/**
 * A changed request for a service that already exists. Its `deploy` section (replicas, host,
 * storage, port) is re-rendered into `apps/<service>/` in one commit, keeping the image tag
 * that is deployed; its models are not regenerated over code people now own, which the
 * caller tells the requester. Nothing happens before the first deployment, which renders
 * from the record.
 */
export async function applyRequestChange(
  octokit: Octokit,
  params: {
    repository: string;
    ref: string;
    request: ServiceRequest;
    settings: PortalSettings;
    origin: RequestOrigin;
  },
): Promise<RequestChange> {
  const { owner, repo } = splitRepository(params.repository);
  const record = (await readRequestRecord(octokit, { owner, repo, ref: params.ref }))?.record;
  if (!record) return { kind: "not-applied", reason: "no request record", modelsIgnored: false };
  const diff = diffRequest(record.request, params.request);
  if (diff.deploy.length === 0) return { kind: "none", modelsIgnored: diff.models };
  const modelsIgnored = diff.models;
  if (diff.deploy.includes("gitops_repo") || diff.deploy.includes("database")) {
    const reason = "moving a service to another GitOps repository or database is done by hand";
    return { kind: "not-applied", reason, modelsIgnored };
  }
  const service = record.request.service;
  return withKeyLock(`${record.gitops.toLowerCase()}#${service}`, async () => {
    const state = await readGitopsState(octokit, {
      gitops: record.gitops,
      service,
      image: record.image,
    });
    if (state.kind === "missing" || state.tag === undefined) {
      const reason =
        "the service is not deployed yet; its first deployment uses the recorded request";
      return { kind: "not-applied", reason, modelsIgnored } satisfies RequestChange;
    }
    const result = await commitServiceChange(octokit, {
      record,
      state,
      change: {
        kind: "deploy-section",
        request: params.request,
        changed: diff.deploy,
        repository: params.repository,
        settings: params.settings,
        origin: params.origin,
      },
    });
    if (result.kind !== "written") {
      const reason =
        result.kind === "blocked" ? `${result.reason}: ${result.action}` : result.reason;
      return { kind: "not-applied", reason, modelsIgnored } satisfies RequestChange;
    }
    const { commit } = result;
    return { kind: "applied", changed: diff.deploy, commit, modelsIgnored } satisfies RequestChange;
  });
}

export interface RequestDiff {
  /** Keys of `deploy` whose value changed: applied to Repository_B by a re-render. */
  deploy: (keyof DeployRequest)[];
  /** True when the models changed: code people own now, never regenerated over. */
  models: boolean;
}

const DEPLOY_KEYS: (keyof DeployRequest)[] = [
  "gitops_repo",
  "host",
  "replicas",
  "port",
  "storage",
  "database",
];

/** What changed between the request a service was created from and the request now. */
export function diffRequest(recorded: ServiceRequest, requested: ServiceRequest): RequestDiff {
  return {
    deploy: DEPLOY_KEYS.filter((key) => recorded.deploy[key] !== requested.deploy[key]),
    models: !isDeepStrictEqual(recorded.models, requested.models),
  };
}

/**
 * The status comment after a changed request of an existing service was looked at: the
 * `deployed` step tells what was re-rendered (or why not), and the `code` step says that
 * model changes are not generated over the code the team now owns.
 */
export function withRequestChange(report: StatusReport, change: RequestChange): StatusReport {
  let next = report;
  if (change.modelsIgnored) {
    next = withStep(next, "code", {
      ...next.steps.code,
      note: "the models changed, but an existing service's code is never regenerated: change the models in its repository",
    });
  }
  if (change.kind === "applied") {
    const previous = next.steps.deployed;
    const link = change.commit?.url ?? previous.link;
    return withStep(next, "deployed", {
      state: "done",
      note: `deploy changes applied (${change.changed.join(", ")}), image tag kept`,
      ...(link ? { link } : {}),
    });
  }
  if (change.kind === "none") return next;
  return withStep(next, "deployed", {
    ...next.steps.deployed,
    note: `deploy changes not applied: ${change.reason}`,
  });
}

import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/read-file.js";
import { render } from "../../render/render.js";
import type { RequestOrigin, ServiceRequest } from "../../request/service-request.js";
import { formatError } from "../../request/service-request.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import { withKeyLock } from "../with-key-lock.js";
import { commitGitops } from "./commit-gitops.js";
import { redeployMessage } from "./commit-messages.js";
import { commitUrl, type GitopsCommit } from "./deploy-outcome.js";
import { diffRequest } from "./diff-request.js";
import { CATALOG_PATH, gitopsChanges } from "./gitops-changes.js";
import { readGitopsState } from "./gitops-state.js";
import { readServiceRecord } from "./read-service-record.js";
import { splitRepository } from "./split-repository.js";

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
  const record = await readServiceRecord(octokit, { owner, repo, ref: params.ref });
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
    const rendered = render({
      request: params.request,
      settings: params.settings,
      owner,
      tag: state.tag,
      gitopsBranch: state.branch,
      origin: params.origin,
    });
    if (!rendered.ok) {
      const reason = rendered.errors.map(formatError).join("; ");
      return { kind: "not-applied", reason, modelsIgnored } satisfies RequestChange;
    }
    const { target } = rendered.value.context;
    const entry = {
      service,
      url: target.url,
      image: target.image,
      database: params.request.deploy.database,
      repository: params.repository,
    };
    const result = await commitGitops(octokit, {
      owner: state.owner,
      repo: state.repo,
      branch: state.branch,
      plan: async (head) => {
        const readme = await readFile(octokit, {
          owner: state.owner,
          repo: state.repo,
          path: CATALOG_PATH,
          ref: head,
        });
        const changes = gitopsChanges({
          rendered: rendered.value.repositoryB,
          service,
          entry,
          // Only the service's directory and its catalog row: the ApplicationSet exists.
          current: { readme, hasApplicationSet: true },
        });
        const message = redeployMessage({
          service,
          changed: diff.deploy,
          tag: state.tag as string,
        });
        return { write: { ...changes, message } };
      },
    });
    const commit =
      result.kind === "written" && result.created
        ? { sha: result.sha, url: commitUrl(state.gitops, result.sha) }
        : undefined;
    return { kind: "applied", changed: diff.deploy, commit, modelsIgnored } satisfies RequestChange;
  });
}

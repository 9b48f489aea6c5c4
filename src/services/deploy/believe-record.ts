import type { AppIdentity } from "../../github/app-identity.js";
import { type FoundComment, findAppComment } from "../../github/issues.js";
import { type Octokit, splitRepository } from "../../github/octokit.js";
import type { RequestRecord } from "../../render/repository-a/request-record.js";
import { type LoadedSettings, loadSettings, takesRequests } from "../intake/load-settings.js";
import { sameRequest } from "../provision/same-request.js";
import { decodeStatusMarker, statusMarkerOf } from "../state-in-github.js";
import type { StatusReport } from "../status/status-report.js";
import type { WorkflowRunFacts } from "./decide.js";

/** What the deploy pipeline trusts: the control plane (through the environment) and the
 * app's own identity. */
export interface DeployTrust {
  env: Readonly<Record<string, string | undefined>>;
  app: AppIdentity;
}

/** The request's status comment, the app's own, as found and decoded. */
export interface StatusReading {
  comment: FoundComment;
  report: StatusReport;
}

/** A believed record comes with what believing it read: the settings and the request's
 * status, which the decision and the report use instead of reading them again. */
export type Belief =
  | { ok: true; settings: LoadedSettings; status: StatusReading }
  | { ok: false; reason: string };

/**
 * A request record is believed only both ways: the record in the repository points to its
 * origin request, in a repository the control plane lists as a request repository of this
 * organisation, AND that request's status comment, written by the app itself, names this
 * repository by full name and id. A record copied into a member's repository fails the
 * second half (the status names the original repository, or another id), and so deploys
 * nothing and reports nowhere.
 */
export async function believeRecord(
  octokit: Octokit,
  params: { facts: WorkflowRunFacts; record: RequestRecord; trust: DeployTrust },
): Promise<Belief> {
  const { facts, record, trust } = params;
  const origin = record.origin;
  if (!origin?.issue) return { ok: false, reason: "the record names no request issue" };
  const requests = splitRepository(origin.repository);
  if (requests.owner.toLowerCase() !== facts.repository.owner.toLowerCase()) {
    return { ok: false, reason: `the record's request ${origin.repository} is in another owner` };
  }
  const settings = await loadSettings(octokit, { owner: facts.repository.owner, env: trust.env });
  if (!takesRequests(settings, requests)) {
    return { ok: false, reason: `${origin.repository} is not a request repository` };
  }
  const comment = await findAppComment(octokit, {
    ...requests,
    issue: origin.issue,
    marker: statusMarkerOf(origin),
    app: trust.app,
  });
  const status = comment ? decodeStatusMarker(comment.body) : undefined;
  if (!comment || !status)
    return { ok: false, reason: `${origin.repository}#${origin.issue} has no status of the app` };
  if (!sameRequest(status.origin, origin)) {
    return { ok: false, reason: "the status belongs to another request than the record" };
  }
  const named = status.repository;
  if (
    named?.id !== facts.repository.id ||
    named.fullName.toLowerCase() !== facts.repository.fullName.toLowerCase()
  ) {
    return {
      ok: false,
      reason: `the request's status names ${named ? `${named.fullName} (id ${named.id})` : "no repository"}, not ${facts.repository.fullName} (id ${facts.repository.id})`,
    };
  }
  return { ok: true, settings, status: { comment, report: status } };
}

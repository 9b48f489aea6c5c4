import type { RequestOrigin } from "../request/service-request.js";
import {
  STEPS,
  type StatusReport,
  type StepName,
  type StepStatus,
} from "./status/status-report.js";

/**
 * Every piece of state the app keeps in GitHub instead of a database, with its encoding. The
 * app writes each one and believes it only when it wrote it itself, as its own bot
 * (`isAppAuthor`: never "any bot"; see `findAppComment`, `findAppIssue`,
 * `upsertCommitComment`):
 * - labels `REQUEST_LABEL` and one of `OUTCOME_LABELS` on a request issue: plain names;
 * - the status marker in the request issue's one status comment: the saved report
 *   (service, origin, steps) as base64url JSON in an HTML comment;
 * - the file-request marker in the body of an issue the app opens for a request file: the
 *   file's path, base64url;
 * - the commit marker in the app's comment on a commit that pushed a request file: the
 *   file's path, base64url (one comment per file and commit);
 * - the reply marker in the app's answer to a `/devportal` command: the command comment's id;
 * - the request record `.devportal/request.yml` in Repository_A (a file, not a marker): see
 *   `render/repository-a/request-record.ts`;
 * - the homepage of a Repository_A the app created: the request's URL, which tells a second
 *   request for the same name that the repository is being created for another request
 *   (`provision/ensure-repository.ts`). Anyone with admin rights could set a homepage, so it
 *   is only ever a reason to refuse adopting, never to write.
 * Base64url keeps "--" (which would end an HTML comment) and any user text out of the
 * markers' syntax.
 */
/** The label the issue form puts on its issues, and the app on the issues it opens. */
export const REQUEST_LABEL = "devportal:request";

/** One outcome label at a time tells a triager where each request stands. */
export const OUTCOME_LABELS = {
  provisioning: "devportal:provisioning",
  deployed: "devportal:deployed",
  failed: "devportal:failed",
} as const;

/** The labels the app uses, as it creates them when a request repository lacks them. */
export const LABEL_SPECS = [
  { name: REQUEST_LABEL, color: "1d76db", description: "A Dev Portal service request" },
  { name: OUTCOME_LABELS.provisioning, color: "fbca04", description: "Dev Portal: in progress" },
  { name: OUTCOME_LABELS.deployed, color: "0e8a16", description: "Dev Portal: live and healthy" },
  { name: OUTCOME_LABELS.failed, color: "d93f0b", description: "Dev Portal: someone must act" },
] as const;

/** Finds the status comment. Base64url keeps "--" (which would end an HTML comment) and
 * any user text out of the marker's syntax. */
export const STATUS_MARKER = "<!-- devportal:status ";

interface MarkerData {
  v: 1;
  service?: string;
  origin: RequestOrigin;
  repository?: { fullName: string; id: number };
  steps: Record<StepName, StepStatus>;
}

export function encodeStatusMarker(report: StatusReport): string {
  const data: MarkerData = {
    v: 1,
    ...(report.service ? { service: report.service } : {}),
    origin: report.origin,
    ...(report.repository ? { repository: report.repository } : {}),
    steps: report.steps,
  };
  return `${STATUS_MARKER}${Buffer.from(JSON.stringify(data)).toString("base64url")} -->`;
}

/** The report saved in a status comment, without its problems and plan (those are
 * recomputed on every run); undefined when the body carries no readable marker. */
export function decodeStatusMarker(body: string): StatusReport | undefined {
  const start = body.indexOf(STATUS_MARKER);
  if (start === -1) return undefined;
  const encoded = body.slice(start + STATUS_MARKER.length).split(" ", 1)[0] ?? "";
  try {
    const data = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as MarkerData;
    // `live` came later than the other steps: a status written before it reads as pending.
    const saved: Partial<MarkerData["steps"]> = data.steps ?? {};
    // In the checklist's order, so the marker written again from it is the same text.
    const steps = Object.fromEntries(
      STEPS.map((name) => [
        name,
        saved[name] ?? (name === "live" ? { state: "pending", note: "waiting" } : undefined),
      ]),
    ) as MarkerData["steps"];
    if (data.v !== 1 || !data.origin || !STEPS.every((name) => steps[name]?.state))
      return undefined;
    const repository =
      typeof data.repository?.fullName === "string" && Number.isSafeInteger(data.repository.id)
        ? { repository: { fullName: data.repository.fullName, id: data.repository.id } }
        : {};
    return {
      ...(data.service ? { service: data.service } : {}),
      origin: data.origin,
      ...repository,
      steps,
      problems: [],
    };
  } catch {
    return undefined;
  }
}

/** On a pull request, each request file merged has its own status comment: this second
 * marker (the file's path, base64url) tells them apart. */
const STATUS_OF_PREFIX = "<!-- devportal:status-of ";

/** The marker that finds the status comment of the request `origin` on its issue or pull
 * request. */
export function statusMarkerOf(origin: RequestOrigin): string {
  if (origin.kind !== "pull_request" || !origin.path) return STATUS_MARKER;
  return pullRequestStatusMarker(origin.path);
}

/** The marker of the status comment of request file `path` on a merged pull request. */
export function pullRequestStatusMarker(path: string): string {
  return `${STATUS_OF_PREFIX}${Buffer.from(path).toString("base64url")} -->`;
}

/** Marks the issue the app opens for a request file, so the next push of that file, and
 * `/devportal retry`, find it without a database. */
const PREFIX = "<!-- devportal:file-request ";

export function fileRequestMarker(path: string): string {
  return `${PREFIX}${Buffer.from(path).toString("base64url")} -->`;
}

/** The request file path recorded in an issue body, if the app opened it for one. */
export function fileRequestPathOf(body: string | null | undefined): string | undefined {
  const start = body?.indexOf(PREFIX) ?? -1;
  if (!body || start === -1) return undefined;
  const encoded = body.slice(start + PREFIX.length).split(" ", 1)[0] ?? "";
  return Buffer.from(encoded, "base64url").toString("utf8") || undefined;
}

/** Marks the app's comment on a commit that pushed the request file `path`. */
export function commitCommentMarker(path: string): string {
  return `<!-- devportal:commit ${Buffer.from(path).toString("base64url")} -->`;
}

/** Marks the app's answer to the `/devportal` command comment `commentId`: a redelivery
 * edits the answer instead of answering twice. */
export function commandReplyMarker(commentId: number): string {
  return `<!-- devportal:reply ${commentId} -->`;
}

import type { RequestOrigin } from "../../request/service-request.js";
import { STEPS, type StatusReport, type StepName, type StepStatus } from "./status-report.js";

/** Finds the status comment. Base64url keeps "--" (which would end an HTML comment) and
 * any user text out of the marker's syntax. */
export const STATUS_MARKER = "<!-- devportal:status ";

interface MarkerData {
  v: 1;
  service?: string;
  origin: RequestOrigin;
  steps: Record<StepName, StepStatus>;
}

export function encodeStatusMarker(report: StatusReport): string {
  const data: MarkerData = {
    v: 1,
    ...(report.service ? { service: report.service } : {}),
    origin: report.origin,
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
    if (data.v !== 1 || !data.origin || !STEPS.every((name) => data.steps?.[name]?.state))
      return undefined;
    return {
      ...(data.service ? { service: data.service } : {}),
      origin: data.origin,
      steps: data.steps,
      problems: [],
    };
  } catch {
    return undefined;
  }
}

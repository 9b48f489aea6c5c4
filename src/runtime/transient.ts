/**
 * Which failures heal by waiting, and how long to wait. GitHub's answers that say "later"
 * (5xx, a secondary or primary rate limit, a reset or timed-out connection) are retried by
 * running the whole job again: every step reads GitHub first, so a write GitHub applied
 * before its answer was lost is found and not repeated.
 */

/** Runs of a job before a transient failure is reported as final (about 25 minutes). */
export const MAX_ATTEMPTS = 12;
const BASE_MS = 1_000;
const CAP_MS = 5 * 60_000;

export type TransientReason = "rate-limit" | "server" | "network";

export interface RetryPlan {
  reason: TransientReason;
  delayMs: number;
  /** When the next attempt runs (for the status comment). */
  at: Date;
}

/** Thrown by a pipeline that has reported a transient failure and wants its job run again. */
export class RetryLater extends Error {
  override readonly name = "RetryLater";
  constructor(
    readonly plan: RetryPlan,
    override readonly cause: unknown,
  ) {
    super(`retry in ${plan.delayMs} ms (${plan.reason})`);
  }
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  name?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Why `error` should heal by waiting, or undefined when it will not. */
export function transientReason(error: unknown): TransientReason | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const shape = error as ErrorShape;
  const status = typeof shape.status === "number" ? shape.status : undefined;
  const message = typeof shape.message === "string" ? shape.message : "";
  const headers = shape.response?.headers ?? {};
  if (status === 429) return "rate-limit";
  if (status === 403 && (/rate limit/i.test(message) || headers["retry-after"] !== undefined)) {
    return "rate-limit";
  }
  if (status === 403 && String(headers["x-ratelimit-remaining"]) === "0") return "rate-limit";
  // Octokit reports a connection that failed (reset, refused, timed out) as status 500
  // wrapping fetch's error; GitHub's own 5xx carry their status.
  if (status !== undefined && status >= 500) return networkCode(error) ? "network" : "server";
  if (networkCode(error) || shape.name === "AbortError" || shape.name === "TimeoutError") {
    return "network";
  }
  return undefined;
}

/** The next attempt for a failure of attempt `attempt` (0-based), or undefined when the
 * failure is not transient or the attempts are spent. Honours `retry-after` and
 * `x-ratelimit-reset`; otherwise doubles from one second up to five minutes. */
export function retryPlan(
  error: unknown,
  attempt: number,
  now = Date.now(),
): RetryPlan | undefined {
  if (error instanceof RetryLater) return error.plan;
  const reason = transientReason(error);
  if (!reason || attempt + 1 >= MAX_ATTEMPTS) return undefined;
  const backoff = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  const asked = askedDelay(error, now);
  const delayMs = asked === undefined ? backoff : Math.max(asked, BASE_MS);
  return { reason, delayMs, at: new Date(now + delayMs) };
}

/** The status comment's line for a planned retry. */
export function retryNote(plan: RetryPlan): string {
  const at = `${plan.at.toISOString().slice(11, 19)} UTC`;
  switch (plan.reason) {
    case "rate-limit":
      return `GitHub asked us to slow down; retrying at ${at}`;
    case "server":
      return `GitHub had a temporary error; retrying at ${at}`;
    case "network":
      return `the connection to GitHub failed; retrying at ${at}`;
  }
}

function askedDelay(error: unknown, now: number): number | undefined {
  const headers = (error as ErrorShape).response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const reset = Number(headers["x-ratelimit-reset"]);
  if (String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - now) + 1000;
  }
  return undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as ErrorShape).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    const message = (current as ErrorShape).message;
    if (
      typeof message === "string" &&
      /fetch failed|socket hang up|other side closed/i.test(message)
    ) {
      return "ECONNRESET";
    }
    current = (current as ErrorShape).cause;
  }
  return undefined;
}

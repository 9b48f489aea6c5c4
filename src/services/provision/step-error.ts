import { statusOf } from "../../github/octokit.js";

/** A failure whose message is written for the requester and safe to show in a comment. */
export class StepError extends Error {
  override readonly name = "StepError";
}

/**
 * One line for the status comment. A StepError says what to do; anything else is reported
 * by its HTTP status and GitHub's first message line (never headers or request bodies,
 * where tokens and sealed values travel), with the way out.
 */
export function describeError(error: unknown): string {
  if (error instanceof StepError) return error.message;
  const status = statusOf(error);
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  const reason = first.slice(0, 200);
  return status
    ? `GitHub answered ${status} (${reason}); comment /devportal retry to resume`
    : `unexpected error (${reason}); comment /devportal retry to resume`;
}

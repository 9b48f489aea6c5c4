import { statusOf } from "../../github/octokit.js";
import { transientReason } from "../../runtime/transient.js";

/** A failure whose message is written for the requester and safe to show in a comment. */
export class StepError extends Error {
  override readonly name = "StepError";
  /** Who must act: the requester (default) or the platform team. */
  readonly owner: "requester" | "platform";

  constructor(message: string, owner: "requester" | "platform" = "requester") {
    super(message);
    this.owner = owner;
  }
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
  // Reached only once the queue's retries are spent (or outside a job): still nobody's mistake.
  switch (transientReason(error)) {
    case "rate-limit":
      return `GitHub's rate limit paused the portal (${status}): nothing is lost, comment /devportal retry in a few minutes`;
    case "server":
    case "network":
      return `GitHub had a passing error (${status ?? "no answer"}): nothing is lost, comment /devportal retry`;
    default:
      return status
        ? `GitHub answered ${status} (${reason}); comment /devportal retry to resume`
        : `unexpected error (${reason}); comment /devportal retry to resume`;
  }
}

/** Who must act on `error`: a permission the app lacks is the platform team's to grant. */
export function ownerOf(error: unknown): "requester" | "platform" {
  if (error instanceof StepError) return error.owner;
  return "requester";
}

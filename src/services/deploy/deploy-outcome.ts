import { formatError, type ValidationError } from "../../request/service-request.js";
import type { RunRef } from "./commit-messages.js";
import type { FailedJob } from "./failed-jobs.js";

export interface GitopsCommit {
  sha: string;
  url: string;
}

/**
 * What handling a `workflow_run` delivery did, as data: the handler turns it into the status
 * comment, labels and the state; tests assert on it directly.
 */
export type DeployOutcome =
  | { kind: "ignored"; reason: string }
  | { kind: "ci-running"; run: RunRef }
  | {
      kind: "deployed";
      run: RunRef;
      tag: string;
      /** Undefined when Repository_B already held exactly these files (a redelivery). */
      commit: GitopsCommit | undefined;
      /** Argo CD Application the ApplicationSet makes of `apps/<service>/`. */
      application: string;
      url: string;
    }
  | { kind: "bumped"; run: RunRef; from: string; tag: string; commit: GitopsCommit }
  | { kind: "unchanged"; run: RunRef; tag: string; reason: string }
  | { kind: "failed"; run: RunRef; conclusion: string; jobs: FailedJob[] }
  | { kind: "refused"; run: RunRef; reason: string }
  /** Repository_B could not be written; `action` is what the platform team must do
   * (empty when `reason` already says it). */
  | { kind: "blocked"; run: RunRef; reason: string; action: string };

export function commitUrl(gitops: string, sha: string): string {
  return `https://github.com/${gitops}/commit/${sha}`;
}

/** Deployment stopped by portal settings that do not validate (or no longer render): the
 * platform team fixes them, then anyone comments `/devportal retry`. */
export function blockedBySettings(run: RunRef, errors: readonly ValidationError[]): DeployOutcome {
  return {
    kind: "blocked",
    run,
    reason: errors.map(formatError).join("; "),
    action: "fix the portal settings, then `/devportal retry`",
  };
}

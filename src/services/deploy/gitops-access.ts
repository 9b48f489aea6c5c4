import { statusOf } from "../../github/octokit.js";

export interface AccessProblem {
  reason: string;
  action: string;
}

/**
 * GitHub answers 404 both for a repository that does not exist and for one the
 * installation may not see, so the answer names both fixes rather than guess.
 */
export function missingGitops(gitops: string): AccessProblem {
  return {
    reason: `the GitOps repository ${gitops} does not exist or the app cannot see it`,
    action: `create ${gitops} (any first commit will do) and add it to the Dev Portal app's installation, then comment \`/devportal retry\``,
  };
}

/**
 * What the platform team must do when a write to Repository_B is refused: 404 (not visible)
 * or 403 (visible, not writable). Undefined for any other error, which is not theirs to fix.
 */
export function gitopsAccessProblem(gitops: string, error: unknown): AccessProblem | undefined {
  const status = statusOf(error);
  if (status === 404) return missingGitops(gitops);
  if (status === 403) {
    return {
      reason: `the app may not write to ${gitops}`,
      action: `grant the Dev Portal app contents: write on ${gitops} (and accept the new permissions), then comment \`/devportal retry\``,
    };
  }
  return undefined;
}

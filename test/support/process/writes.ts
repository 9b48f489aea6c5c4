import type { Call, GitHubDouble } from "../github/github-double.js";
import { ORG } from "../github/scenario.js";
import { waitFor } from "./wait-for.js";

/** The writes of a first provisioning, in order (test/app/redelivery-and-faults.test.ts). */
export const PROVISIONING_WRITES = [
  "issues/create-comment",
  "issues/add-labels",
  "repos/create-in-org",
  "repos/add-collaborator",
  "actions/create-or-update-repo-secret",
  "git/create-tree",
  "git/create-commit",
  "git/update-ref",
  "issues/update-comment",
] as const;

/** The writes of a first deployment, in order (test/app/deploy/first-deploy.test.ts): the
 * GitOps commit, the Deployment Argo CD reports on, the status. The issue stays open and
 * labelled as provisioning until Argo CD's report. */
export const DEPLOYMENT_WRITES = [
  "git/create-tree",
  "git/create-commit",
  "git/update-ref",
  "repos/create-deployment",
  "issues/update-comment",
] as const;

/** A deployment's git writes go to the GitOps repository; its issue writes to the request. */
export function deploymentCall(operationId: string): (call: Call) => boolean {
  return (call) =>
    call.operationId === operationId &&
    (!operationId.startsWith("git/") || call.path.startsWith(`/repos/${ORG}/gitops/`));
}

/** Waits until the double has answered nothing for `quietMs` (the app went idle). */
export async function waitQuiet(double: GitHubDouble, quietMs: number, timeoutMs = 60_000) {
  let seen = double.calls.length;
  let since = Date.now();
  await waitFor(
    `GitHub calls to stop for ${quietMs} ms`,
    () => {
      if (double.calls.length !== seen) {
        seen = double.calls.length;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    },
    { timeoutMs, everyMs: 100 },
  );
}

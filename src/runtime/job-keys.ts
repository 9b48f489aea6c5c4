/**
 * Job keys: work with one key runs one at a time across the deployment. A request is keyed
 * by its identity (the form issue, or the request file, which keeps its identity across
 * pushes and its tracking issue), a service's deploys by its repository.
 */
export function issueRequestKey(owner: string, repo: string, issue: number): string {
  return `request:${owner}/${repo}#${issue}`.toLowerCase();
}

export function fileRequestKey(owner: string, repo: string, path: string): string {
  return `request:${owner}/${repo}:${path}`.toLowerCase();
}

export function serviceKey(fullName: string): string {
  return `service:${fullName}`.toLowerCase();
}

/** The app's own setup in one installation (labels in its request repositories). */
export function installationKey(id: number): string {
  return `installation:${id}`;
}

/** A pull request's plan: each push re-plans it, one at a time. */
export function pullRequestKey(owner: string, repo: string, pull: number): string {
  return `pull:${owner}/${repo}#${pull}`.toLowerCase();
}

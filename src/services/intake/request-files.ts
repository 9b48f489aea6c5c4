/** The request doors in a repository: `.devportal.yml` at the root, or one file per service
 * under `services/` for a catalog repository. */
const REQUEST_FILE = /^(?:\.devportal\.yml|services\/[A-Za-z0-9_.-]+\.devportal\.yml)$/;

export function isRequestFile(path: string): boolean {
  return REQUEST_FILE.test(path);
}

/**
 * Request files a push adds or changes, in first-seen order. A file removed by a later
 * commit of the same push is no request (removing a file never deletes a service).
 */
export function requestFilesOfPush(
  commits: ReadonlyArray<{ added?: string[]; modified?: string[]; removed?: string[] }>,
): string[] {
  const files = new Set<string>();
  for (const commit of commits) {
    for (const path of [...(commit.added ?? []), ...(commit.modified ?? [])]) {
      if (isRequestFile(path)) files.add(path);
    }
    for (const path of commit.removed ?? []) files.delete(path);
  }
  return [...files];
}

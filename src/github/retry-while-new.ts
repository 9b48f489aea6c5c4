import { statusOf } from "./octokit.js";

/** Default waits between attempts; a fresh repository usually answers within a second or two. */
export const NEW_REPOSITORY_DELAYS_MS = [500, 1000, 2000, 4000];

/**
 * Right after `POST /orgs/{org}/repos`, GitHub briefly answers 404 (and the Git Data API
 * 409 "Git Repository is empty") for the new repository's sub-resources while replication
 * catches up. Retry those answers a bounded number of times; everything else is final.
 */
export async function retryWhileNew<T>(
  call: () => Promise<T>,
  options: { delays?: number[]; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const delays = options.delays ?? NEW_REPOSITORY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      const delay = delays[attempt];
      if ((status !== 404 && status !== 409) || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

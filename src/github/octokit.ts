import type { ProbotOctokit } from "probot";
import { splitRepositoryName } from "../request/naming.js";

/** The installation-authenticated client every function in github/ takes first. */
export type Octokit = InstanceType<typeof ProbotOctokit>;

/** A type, not an interface: Octokit's parameter types carry an index signature. */
export type RepoParams = {
  owner: string;
  repo: string;
};

/** The HTTP status of an Octokit RequestError, or undefined for any other error. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  return typeof error.status === "number" ? error.status : undefined;
}

/** Run `read`, answering `undefined` when GitHub says 404 (the thing does not exist). */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** `owner/name` as the `{ owner, repo }` every github/ function takes. */
export function splitRepository(fullName: string): RepoParams {
  return splitRepositoryName(fullName);
}

/**
 * Per-request options that switch Probot's retry plugin off for one call. Production runs
 * plugin-retry, which retries every status outside its `doNotRetry` list (404, 422, ... are
 * in it; 409 and 5xx are not) three times, 1 s, 4 s and 9 s apart. Two kinds of call opt
 * out: reads whose 409 is an answer, not a fault (an empty repository), or that a caller
 * retries itself (`retryWhileNew`); and creates that make a new object on every attempt
 * (a comment, an issue, a check run), where a retry after a lost answer duplicates it.
 */
export const NO_RETRY = { retries: 0 } as const;

/** Default waits between attempts; a fresh repository usually answers within a second or two. */
export const NEW_REPOSITORY_DELAYS_MS = [500, 1000, 2000, 4000];

/**
 * Right after `POST /orgs/{org}/repos`, GitHub briefly answers 404 (and the Git Data API
 * 409 "Git Repository is empty") for the new repository's sub-resources while replication
 * catches up. Retry those answers a bounded number of times; everything else is final.
 * The calls inside `call` whose 404 or 409 this retries pass `request: NO_RETRY`, so the
 * retry plugin's back-off does not run first.
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

import type { ProbotOctokit } from "probot";

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

import type { Octokit, RepoParams } from "../github/octokit.js";
import { readFile } from "../github/repos.js";
import {
  type ParsedRequestRecord,
  parseRequestRecord,
  REQUEST_RECORD_PATH,
} from "../render/repository-a/request-record.js";

/**
 * The request record of Repository_A at `ref` (the one reader of `.devportal/request.yml`),
 * or undefined when the repository, at that commit, holds no record of the portal's.
 */
export async function readRequestRecord(
  octokit: Octokit,
  params: RepoParams & { ref: string },
): Promise<ParsedRequestRecord | undefined> {
  const text = await readFile(octokit, { ...params, path: REQUEST_RECORD_PATH });
  return text === undefined ? undefined : parseRequestRecord(text);
}

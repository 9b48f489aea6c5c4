import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readFile } from "../../github/read-file.js";
import { readRequestRecordDocument } from "../../render/repository-a/read-request-record.js";
import { REQUEST_RECORD_PATH } from "../../render/repository-a/request-record.js";
import type { RequestOrigin } from "../../request/service-request.js";

/** The origin recorded in a repository's `.devportal/request.yml`, when it is the portal's. */
export async function readRequestRecord(
  octokit: Octokit,
  params: RepoParams & { ref: string },
): Promise<{ origin: RequestOrigin } | undefined> {
  const text = await readFile(octokit, { ...params, path: REQUEST_RECORD_PATH });
  if (text === undefined) return undefined;
  // Only the origin matters here: a record whose request no longer validates (written by an
  // older version of the portal) still proves the repository is ours.
  const origin = readRequestRecordDocument(text)?.origin;
  return origin ? { origin } : undefined;
}

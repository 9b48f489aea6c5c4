import { parse } from "yaml";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { readFile } from "../../github/read-file.js";
import {
  REQUEST_RECORD_KIND,
  REQUEST_RECORD_PATH,
} from "../../render/repository-a/request-record.js";
import type { RequestOrigin } from "../../request/service-request.js";

/** The origin recorded in a repository's `.devportal/request.yml`, when it is the portal's. */
export async function readRequestRecord(
  octokit: Octokit,
  params: RepoParams & { ref: string },
): Promise<{ origin: RequestOrigin } | undefined> {
  const text = await readFile(octokit, { ...params, path: REQUEST_RECORD_PATH });
  if (text === undefined) return undefined;
  try {
    const record = parse(text) as { kind?: unknown; origin?: RequestOrigin | null } | null;
    if (record?.kind !== REQUEST_RECORD_KIND || !record.origin) return undefined;
    return { origin: record.origin };
  } catch {
    return undefined;
  }
}

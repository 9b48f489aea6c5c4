import type { Octokit } from "../../github/octokit.js";
import { readFile } from "../../github/read-file.js";
import { REQUEST_RECORD_PATH } from "../../render/repository-a/request-record.js";
import { parseServiceRecord, type ServiceRecord } from "./service-record.js";

/** The request record of Repository_A at `ref`, or undefined when the repository (at that
 * commit) is not a service of the portal. */
export async function readServiceRecord(
  octokit: Octokit,
  params: { owner: string; repo: string; ref: string },
): Promise<ServiceRecord | undefined> {
  const text = await readFile(octokit, { ...params, path: REQUEST_RECORD_PATH });
  return text === undefined ? undefined : parseServiceRecord(text);
}

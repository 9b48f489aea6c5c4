import type { AppIdentity } from "../../github/app-identity.js";
import { findAppComment, upsertComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";

/**
 * A short new comment that mentions a person, once per `key` (the moment it reports, such as
 * "failed at commit abc"): edits of the status comment notify nobody, a new comment with a
 * mention does. The key is hidden in the comment, so a redelivery or retry finds the comment
 * the app already wrote and posts nothing.
 */
export async function notifyPerson(
  octokit: Octokit,
  params: RepoParams & { issue: number; app: AppIdentity; key: string; body: string },
): Promise<void> {
  const marker = `<!-- devportal:notify ${Buffer.from(params.key).toString("base64url")} -->`;
  const existing = await findAppComment(octokit, { ...params, marker });
  if (existing) return;
  await upsertComment(octokit, {
    owner: params.owner,
    repo: params.repo,
    issue: params.issue,
    body: `${marker}\n${params.body}`,
  });
}

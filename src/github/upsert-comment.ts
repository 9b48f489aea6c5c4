import type { FoundComment } from "./find-bot-comment.js";
import type { Octokit, RepoParams } from "./octokit.js";

/**
 * Edit `existing` in place when given (and changed), otherwise create the comment: one
 * comment per request, however often it is reported on. The caller finds `existing` by
 * its marker, usually once per run.
 */
export async function upsertComment(
  octokit: Octokit,
  params: RepoParams & { issue: number; body: string; existing?: FoundComment },
): Promise<FoundComment> {
  const { owner, repo, body, existing } = params;
  if (existing) {
    if (existing.body === body) return existing;
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: existing.id,
      body,
    });
    return { id: data.id, body: data.body ?? body, htmlUrl: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: params.issue,
    body,
  });
  return { id: data.id, body: data.body ?? body, htmlUrl: data.html_url };
}

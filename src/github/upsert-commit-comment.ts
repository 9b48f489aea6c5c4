import type { Octokit, RepoParams } from "./octokit.js";

/** Comment on a commit once: a comment carrying `marker` by a bot is edited, not repeated. */
export async function upsertCommitComment(
  octokit: Octokit,
  params: RepoParams & { sha: string; marker: string; body: string },
): Promise<void> {
  const { owner, repo, sha, body } = params;
  const comments = await octokit.paginate(octokit.rest.repos.listCommentsForCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const existing = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body.includes(params.marker),
  );
  if (existing?.body === body) return;
  if (existing) {
    await octokit.rest.repos.updateCommitComment({ owner, repo, comment_id: existing.id, body });
    return;
  }
  await octokit.rest.repos.createCommitComment({ owner, repo, commit_sha: sha, body });
}

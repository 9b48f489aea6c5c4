import type { Octokit, RepoParams } from "./octokit.js";

export interface FoundComment {
  id: number;
  body: string;
  htmlUrl: string;
}

/**
 * The first comment on an issue that carries `marker` and was written by a bot (an app).
 * Checking the author keeps a user who pastes the marker from hijacking the app's state.
 */
export async function findBotComment(
  octokit: Octokit,
  params: RepoParams & { issue: number; marker: string },
): Promise<FoundComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issue,
    per_page: 100,
  });
  const found = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body?.includes(params.marker),
  );
  return found ? { id: found.id, body: found.body ?? "", htmlUrl: found.html_url } : undefined;
}

import { commitFiles } from "../../github/commit-files.js";
import { getBranchHead } from "../../github/get-branch-head.js";
import { initEmptyRepository } from "../../github/init-empty-repository.js";
import { type Octokit, type RepoParams, statusOf } from "../../github/octokit.js";
import type { GitopsChanges } from "./gitops-changes.js";

export type GitopsPlan<T> = { write: GitopsChanges & { message: string } } | { skip: T };

export type GitopsCommitResult<T> =
  | { kind: "written"; sha: string; created: boolean }
  | { kind: "skipped"; value: T };

/**
 * One commit to Repository_B, planned from what the branch holds at `head`. Several services
 * share the repository (and its catalog README), so a lost ref race (422 "Update is not a
 * fast forward") re-reads the branch and plans again from scratch, a bounded number of
 * times: retrying the same files would overwrite what the winner just wrote.
 */
export async function commitGitops<T>(
  octokit: Octokit,
  params: RepoParams & {
    branch: string;
    plan: (head: string) => Promise<GitopsPlan<T>>;
    attempts?: number;
  },
): Promise<GitopsCommitResult<T>> {
  const { owner, repo, branch } = params;
  const attempts = params.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const head = await getBranchHead(octokit, { owner, repo, branch });
    if (head === undefined) {
      // A repository created without "Add a README" has no commit for the Git Data API.
      if (attempt >= attempts) throw new Error(`${owner}/${repo} has no ${branch} branch`);
      await initEmptyRepository(octokit, { owner, repo, branch, message: "Initial commit" });
      continue;
    }
    const plan = await params.plan(head);
    if ("skip" in plan) return { kind: "skipped", value: plan.skip };
    try {
      const result = await commitFiles(octokit, {
        owner,
        repo,
        branch,
        // Pinned: the plan was made from `head`, so a moved branch must fail, not rebase.
        parent: head,
        files: plan.write.files,
        deletePaths: plan.write.deletePaths,
        message: plan.write.message,
      });
      return { kind: "written", sha: result.sha, created: result.created };
    } catch (error) {
      if (statusOf(error) !== 422 || attempt >= attempts) throw error;
    }
  }
}

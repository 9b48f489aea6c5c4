import type { Octokit, RepoParams } from "./octokit.js";

export interface OpenIssue {
  number: number;
  body: string | null;
  labels: string[];
  author: { login: string; isBot: boolean };
}

/** Open issues (not pull requests) of a repository carrying `label`. */
export async function listOpenIssues(
  octokit: Octokit,
  params: RepoParams & { label: string },
): Promise<OpenIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: params.owner,
    repo: params.repo,
    labels: params.label,
    state: "open",
    per_page: 100,
  });
  return issues
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({
      number: issue.number,
      body: issue.body ?? null,
      labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      author: { login: issue.user?.login ?? "", isBot: issue.user?.type === "Bot" },
    }));
}

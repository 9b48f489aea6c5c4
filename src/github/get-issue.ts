import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

export interface IssueState {
  number: number;
  state: "open" | "closed";
  labels: string[];
}

/** An issue's state and labels (what a report changes), or undefined when it is gone. */
export async function getIssue(
  octokit: Octokit,
  params: RepoParams & { issue: number },
): Promise<IssueState | undefined> {
  const response = await orNotFound(() =>
    octokit.rest.issues.get({ owner: params.owner, repo: params.repo, issue_number: params.issue }),
  );
  if (!response) return undefined;
  const { data } = response;
  return {
    number: data.number,
    state: data.state === "closed" ? "closed" : "open",
    labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
  };
}

import type { Logger } from "probot";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { issueFormLabels, parseIssueForm } from "../../request/parse-issue-form.js";
import type { PortalDeps } from "../portal-deps.js";
import type { RequestJob } from "./request-job.js";

/** A request filed through the issue form: the body is parsed against the shipped form, and
 * problems are named by the form's field labels. */
export function formRequestJob(
  deps: PortalDeps,
  params: {
    octokit: Octokit;
    log: Logger;
    repo: RepoParams;
    issue: { number: number; body: string | null; labels: string[] };
    sender: string;
  },
): RequestJob {
  const { repo, issue } = params;
  const labels = issueFormLabels(deps.issueForm);
  return {
    octokit: params.octokit,
    log: params.log,
    repo,
    issue: { number: issue.number, labels: [...issue.labels] },
    sender: params.sender,
    origin: {
      repository: `${repo.owner}/${repo.repo}`,
      kind: "issue",
      issue: issue.number,
      requester: params.sender,
    },
    read: async () => parseIssueForm(issue.body ?? "", deps.issueForm),
    fieldName: (path) => {
      const [head = "", second] = path.split(/[.[]/);
      const label = labels[head === "deploy" && second ? `deploy.${second}` : head];
      return label ? `${label} (${path})` : path;
    },
  };
}

import type { Octokit, RepoParams } from "./octokit.js";

/** An issue (open or closed) with `label` whose body carries `marker`, opened by a bot. */
export async function findBotIssue(
  octokit: Octokit,
  params: RepoParams & { label: string; marker: string },
): Promise<{ number: number; labels: string[] } | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: params.owner,
    repo: params.repo,
    labels: params.label,
    state: "all",
    per_page: 100,
  });
  const found = issues.find(
    (issue) => issue.user?.type === "Bot" && issue.body?.includes(params.marker),
  );
  if (!found) return undefined;
  const labels = found.labels.map((label) =>
    typeof label === "string" ? label : (label.name ?? ""),
  );
  return { number: found.number, labels };
}

import type { Octokit, RepoParams } from "./octokit.js";

export async function createIssue(
  octokit: Octokit,
  params: RepoParams & { title: string; body: string; labels: string[] },
): Promise<{ number: number; labels: string[] }> {
  const { data } = await octokit.rest.issues.create(params);
  return { number: data.number, labels: params.labels };
}

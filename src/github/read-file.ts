import { type Octokit, orNotFound, type RepoParams } from "./octokit.js";

/** A file's text at `ref` (default branch when absent); undefined when there is no such file. */
export async function readFile(
  octokit: Octokit,
  params: RepoParams & { path: string; ref?: string },
): Promise<string | undefined> {
  const response = await orNotFound(() => octokit.rest.repos.getContent(params));
  const data = response?.data;
  if (!data || Array.isArray(data) || data.type !== "file" || !("content" in data))
    return undefined;
  return Buffer.from(data.content, "base64").toString("utf8");
}

import type { RepoParams } from "../../github/octokit.js";

/** `owner/name` as the `{ owner, repo }` every github/ function takes. */
export function splitRepository(fullName: string): RepoParams {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}

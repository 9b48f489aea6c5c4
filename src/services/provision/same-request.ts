import type { RequestOrigin } from "../../request/service-request.js";

/** Whether two origins name the same request: the same issue, or the same request file of
 * the same repository (a file keeps its identity across pushes, whether pushed directly or
 * merged through a pull request). */
export function sameRequest(a: RequestOrigin, b: RequestOrigin): boolean {
  if (a.repository.toLowerCase() !== b.repository.toLowerCase()) return false;
  if (a.kind === "issue" || b.kind === "issue") return a.kind === b.kind && a.issue === b.issue;
  return a.path === b.path;
}

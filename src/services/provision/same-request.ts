import type { RequestOrigin } from "../../request/service-request.js";

/** Whether two origins name the same request: the same issue, or the same request file of
 * the same repository (a file keeps its identity across pushes). */
export function sameRequest(a: RequestOrigin, b: RequestOrigin): boolean {
  if (a.repository.toLowerCase() !== b.repository.toLowerCase() || a.kind !== b.kind) return false;
  return a.kind === "issue" ? a.issue === b.issue : a.path === b.path;
}

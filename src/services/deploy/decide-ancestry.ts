import type { CommitRelation } from "../../github/compare-commits.js";

/** A full commit SHA: the only tags the portal deploys after the first green build. */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;

export type Ancestry =
  | { move: "forward" }
  | { move: "none"; reason: string }
  | { move: "refuse"; reason: string };

/**
 * Whether the build of `candidate` may replace the deployed tag. `relation` is how the
 * candidate stands to the deployed commit (`compare/{deployed}...{candidate}`); it is only
 * asked for when both are commit SHAs. Never backwards: an old run finishing late, or a
 * re-run of an old commit, is "behind" and moves nothing.
 */
export function decideAncestry(params: {
  deployed: string;
  candidate: string;
  relation?: CommitRelation | undefined;
}): Ancestry {
  const { deployed, candidate, relation } = params;
  if (deployed === candidate) return { move: "none", reason: `${short(candidate)} is deployed` };
  // `latest` (an offline render) or a hand-written tag has no place in history: any build
  // of the default branch is newer than it.
  if (!COMMIT_SHA.test(deployed)) return { move: "forward" };
  switch (relation) {
    case "ahead":
      return { move: "forward" };
    case "behind":
    case "identical":
      return {
        move: "none",
        reason: `${short(candidate)} is older than the deployed ${short(deployed)}`,
      };
    case "diverged":
      return {
        move: "refuse",
        reason: `${short(candidate)} and the deployed ${short(deployed)} have diverged (history rewritten?)`,
      };
    default:
      return {
        move: "refuse",
        reason: `the deployed commit ${short(deployed)} is unknown to the repository`,
      };
  }
}

export function short(sha: string): string {
  return COMMIT_SHA.test(sha) ? sha.slice(0, 7) : sha;
}

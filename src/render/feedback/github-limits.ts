/**
 * Sizes GitHub refuses beyond (with a 422, so the person would see nothing at all). GitHub
 * counts characters; JavaScript's `length` counts UTF-16 units, never fewer, so a text whose
 * `length` fits also fits GitHub's count.
 */
export const GITHUB_LIMITS = {
  /** Issue and commit comment bodies. */
  commentBody: 65536,
  /** `output.summary` of a check run. */
  checkRunSummary: 65535,
  /** `output.text` of a check run. */
  checkRunText: 65535,
  /** `output.title` of a check run and an annotation's title. */
  checkRunTitle: 255,
  /** Annotations in one create/update request of a check run. */
  annotationsPerRequest: 50,
  /** An annotation's message (64 KB; kept far below so a list of them stays readable). */
  annotationMessage: 4096,
} as const;

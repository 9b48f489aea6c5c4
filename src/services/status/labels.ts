/** The label the issue form puts on its issues, and the app on the issues it opens. */
export const REQUEST_LABEL = "devportal:request";

/** One outcome label at a time tells a triager where each request stands. */
export const OUTCOME_LABELS = {
  provisioning: "devportal:provisioning",
  deployed: "devportal:deployed",
  failed: "devportal:failed",
} as const;

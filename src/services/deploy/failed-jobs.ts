import type { RunJob } from "../../github/list-run-jobs.js";
import { FAILED_CONCLUSIONS } from "./screen-workflow-run.js";

export interface FailedJob {
  name: string;
  conclusion: string;
  url: string | null;
  steps: { name: string; url: string | null }[];
}

/**
 * The jobs that broke a run and, in each, the steps that failed, with links straight to the
 * step's log (`<job url>#step:<n>:1`, the anchor GitHub's log viewer uses). A job cancelled
 * or timed out may have no failed step: the job alone is then the answer.
 */
export function failedJobs(jobs: readonly RunJob[]): FailedJob[] {
  return jobs
    .filter((job) => job.conclusion !== null && FAILED_CONCLUSIONS.includes(job.conclusion))
    .map((job) => ({
      name: job.name,
      conclusion: job.conclusion as string,
      url: job.htmlUrl,
      steps: job.steps
        .filter((step) => step.conclusion === "failure" || step.conclusion === "timed_out")
        .map((step) => ({
          name: step.name,
          url: job.htmlUrl ? `${job.htmlUrl}#step:${step.number}:1` : null,
        })),
    }));
}

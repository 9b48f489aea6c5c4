import type { Context } from "probot";

/** What one job of a pipeline ended in, for the provisioning and deployment histograms. */
export interface WorkOutcome {
  pipeline: "provisioning" | "deployment";
  /** A value from a small fixed set (a report outcome or a deploy outcome kind). */
  outcome: string;
}

/** One part of a delivery to run as a job: its key, and what inside it the job is about. */
export interface Accepted {
  key: string;
  subject?: string;
}

/** What the worker tells a job besides its delivery. */
export interface JobRun {
  /** 0 on the first run; the pipelines pass it to retryPlan for the back-off. */
  attempt: number;
  subject?: string;
}

/**
 * One kind of work: the webhook events it answers, the guard that turns a delivery into jobs
 * (from the payload alone, no API call: it runs before the delivery is answered), and the
 * work the worker runs later with an installation client. Handlers (src/handlers) are these.
 */
export interface JobType {
  /** Probot event names, with the action (`issues.opened`). */
  events: string[];
  // biome-ignore lint/suspicious/noExplicitAny: each job type narrows its own context
  accept(context: Context<any>): Accepted[];
  // biome-ignore lint/suspicious/noExplicitAny: each job type narrows its own context
  work(context: Context<any>, run: JobRun): Promise<WorkOutcome | undefined>;
}

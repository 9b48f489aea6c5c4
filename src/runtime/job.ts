/**
 * One unit of work: a verified webhook delivery (or a finding of the recovery sweep), recorded
 * before the delivery is answered. Plain JSON, so the Redis engine can store it as is.
 */
export interface Job {
  /** The delivery id (`X-GitHub-Delivery`), or `<delivery>:<subject>` when one delivery
   * carries several requests (a push of several request files). A second job with the same
   * id is a no-op: GitHub's redeliveries keep the delivery id. */
  id: string;
  /** Work with one key runs one at a time across the deployment: `request:<owner>/<repo>#<n>`
   * for a form issue, `request:<owner>/<repo>:<path>` for a request file, `service:<owner>/<repo>`
   * for the deploys of one service repository. Lowercase. */
  key: string;
  /** The webhook event name as Probot names it (`issues`, `push`, `workflow_run`, ...) or
   * `devportal.recover` for work found by the recovery sweep. */
  name: string;
  /** The webhook payload (GitHub's JSON). Never holds a secret: GitHub sends none. */
  payload: unknown;
  /** What inside the delivery this job is about (a request file path), when not all of it. */
  subject?: string;
  /** Attempts made so far: 0 on the first run, raised by each transient failure. */
  attempt: number;
}

/** What the worker tells the queue after a run. */
export type JobResult =
  | { kind: "done" }
  /** A permanent failure, already reported where people look (or logged). */
  | { kind: "failed" }
  /** A transient failure: run again after `delayMs` (GitHub's retry-after, or back-off). */
  | { kind: "retry"; delayMs: number };

export type RunJob = (job: Job) => Promise<JobResult>;

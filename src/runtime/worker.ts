import { Context, type Logger, type Probot } from "probot";
import { instrumentOctokit } from "./instrument-octokit.js";
import type { Job, JobResult } from "./job.js";
import type { JobType } from "./job-type.js";
import type { RuntimeMetrics } from "./metrics.js";
import { retryPlan } from "./transient.js";

/**
 * Run one job: an installation client for its delivery, a Probot context rebuilt from the
 * recorded payload, the job type's work. Every outcome is data for the queue; nothing is
 * thrown. A transient failure (retryPlan) is answered "retry"; any other failure was either
 * reported by the pipeline already or is logged here with the delivery id.
 */
export async function runJob(params: {
  probot: Probot;
  types: Map<string, JobType>;
  metrics: RuntimeMetrics;
  log: Logger;
  job: Job;
}): Promise<JobResult> {
  const { job, metrics } = params;
  const payload = job.payload as { action?: string; installation?: { id?: number } };
  const type = params.types.get(`${job.name}.${payload.action}`) ?? params.types.get(job.name);
  const log = params.log.child({ delivery: job.id, key: job.key, attempt: job.attempt });
  if (!type) {
    log.warn({ event: job.name }, "job of an unknown kind dropped");
    return { kind: "failed" };
  }
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let result: JobResult;
  try {
    const octokit = await params.probot.auth(payload.installation?.id);
    instrumentOctokit(octokit, metrics);
    const context = new Context({ id: job.id, name: job.name, payload } as never, octokit, log);
    const outcome = await type.work(context, {
      attempt: job.attempt,
      ...(job.subject !== undefined ? { subject: job.subject } : {}),
    });
    if (outcome?.pipeline === "provisioning") {
      metrics.provisioning.observe({ outcome: outcome.outcome }, seconds());
    }
    if (outcome?.pipeline === "deployment") {
      metrics.deployment.observe({ outcome: outcome.outcome }, seconds());
    }
    result = { kind: "done" };
  } catch (error) {
    const plan = retryPlan(error, job.attempt);
    if (plan) {
      metrics.retries.inc({ level: "job", reason: plan.reason });
      log.warn({ reason: plan.reason, retryAt: plan.at.toISOString() }, "job will be retried");
      result = { kind: "retry", delayMs: plan.delayMs };
    } else {
      log.error({ err: error }, "job failed");
      result = { kind: "failed" };
    }
  }
  metrics.jobDuration.observe({ event: job.name, result: result.kind }, seconds());
  return result;
}

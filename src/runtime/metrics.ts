import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: a provisioning takes a few seconds against GitHub, a retried one minutes. */
const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600, 1800];

/**
 * Everything `/metrics` shows, in one registry per app (tests start several apps in one
 * process). Labels take values from small fixed sets only: event names, outcomes, HTTP
 * methods, status codes and GitHub's route templates — never a repository, a user, a
 * delivery id or anything a requester wrote.
 */
export class RuntimeMetrics {
  readonly registry = new Registry();
  readonly deliveries = new Counter({
    name: "devportal_deliveries_total",
    help: "Webhook deliveries by event and what became of them (queued, duplicate, ignored, error).",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: "devportal_job_duration_seconds",
    help: "Time a job ran, by event and result (done, failed, retry).",
    labelNames: ["event", "result"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly provisioning = new Histogram({
    name: "devportal_provisioning_duration_seconds",
    help: "Provisioning runs (repository, secrets, code) by outcome.",
    labelNames: ["outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly deployment = new Histogram({
    name: "devportal_deployment_duration_seconds",
    help: "workflow_run handling by outcome (deployed, bumped, failed, blocked, ...).",
    labelNames: ["outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly githubRequests = new Counter({
    name: "devportal_github_requests_total",
    help: "GitHub REST requests by method, route template and answer status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly githubWrites = new Counter({
    name: "devportal_github_writes_total",
    help: "GitHub REST writes (POST, PUT, PATCH, DELETE) that GitHub accepted.",
    labelNames: ["method"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: "devportal_github_rate_limit_remaining",
    help: "x-ratelimit-remaining of GitHub's latest answer to an installation request.",
    registers: [this.registry],
  });
  readonly retries = new Counter({
    name: "devportal_retries_total",
    help: "Retries: jobs run again after a transient failure, and GitHub requests re-sent by Octokit's retry and throttle plugins.",
    labelNames: ["level", "reason"] as const,
    registers: [this.registry],
  });
  readonly recovered = new Counter({
    name: "devportal_recovered_total",
    help: "Work found by the recovery sweep: unfinished requests re-queued, failed deliveries redelivered.",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  constructor(queueDepth: () => Promise<number>) {
    new Gauge({
      name: "devportal_queue_depth",
      help: "Jobs waiting, delayed or running.",
      registers: [this.registry],
      async collect() {
        this.set(await queueDepth());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "devportal_" });
  }
}

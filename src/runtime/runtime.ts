import type { Context, Probot } from "probot";
import type { JobType } from "./job-type.js";
import { RuntimeMetrics } from "./metrics.js";
import type { JobQueue } from "./queue.js";
import { runJob } from "./worker.js";

/**
 * Acknowledge, then work. `register` puts a job type's guard on its webhook events: the
 * delivery is verified by Probot, turned into jobs and recorded in the queue, and answered
 * as soon as the queue has them (milliseconds; a Redis round trip with Redis). The worker
 * runs the jobs with their own installation clients, one key at a time.
 *
 * Public shape (kept stable for the process-level tests):
 * - `new Runtime({ probot, queue })`, `register(type)`, `registerJob(name, type)`, `start()`,
 *   `close()`;
 * - `queue`: the engine (MemoryQueue or RedisQueue), `idle()` resolves when all work is done;
 * - `metrics`: the prom-client registry behind `/metrics`.
 */
export class Runtime {
  readonly queue: JobQueue;
  readonly metrics: RuntimeMetrics;
  private readonly probot: Probot;
  private readonly types = new Map<string, JobType>();

  constructor(params: { probot: Probot; queue: JobQueue }) {
    this.probot = params.probot;
    this.queue = params.queue;
    this.metrics = new RuntimeMetrics(() => this.queue.depth());
  }

  /** A job type that webhook events start. */
  register(type: JobType): void {
    for (const event of type.events) this.types.set(event, type);
    // biome-ignore lint/suspicious/noExplicitAny: the event names come from the job type
    this.probot.on(type.events as any, (context: Context) => this.accept(type, context));
  }

  /** A job type that no webhook starts (the recovery sweep's `devportal.recover`). */
  registerJob(name: string, type: JobType): void {
    this.types.set(name, type);
  }

  /** Start working the queue. */
  async start(): Promise<void> {
    await this.queue.start((job) =>
      runJob({
        probot: this.probot,
        types: this.types,
        metrics: this.metrics,
        log: this.probot.log,
        job,
      }),
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  /**
   * The webhook side: guards, then record. Throws only when the queue cannot record the job
   * (Redis unreachable): Probot then answers 500, GitHub marks the delivery failed, and the
   * redelivery sweep sends it again once the queue is back.
   */
  private async accept(type: JobType, context: Context): Promise<void> {
    const event = eventName(context);
    const accepted = type.accept(context);
    if (accepted.length === 0) {
      this.metrics.deliveries.inc({ event, outcome: "ignored" });
      return;
    }
    try {
      for (const { key, subject } of accepted) {
        const id = subject === undefined ? context.id : `${context.id}:${subject}`;
        const added = await this.queue.add({
          id,
          key: key.toLowerCase(),
          name: context.name,
          payload: context.payload,
          ...(subject !== undefined ? { subject } : {}),
          attempt: 0,
        });
        this.metrics.deliveries.inc({ event, outcome: added });
        context.log.info({ delivery: id, key, outcome: added }, "delivery recorded");
      }
    } catch (error) {
      this.metrics.deliveries.inc({ event, outcome: "error" });
      throw error;
    }
  }
}

function eventName(context: Context): string {
  const action = (context.payload as { action?: unknown }).action;
  return typeof action === "string" ? `${context.name}.${action}` : context.name;
}

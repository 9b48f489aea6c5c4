import type { Octokit } from "../github/octokit.js";
import type { RuntimeMetrics } from "./metrics.js";

const instrumented = new WeakSet<object>();

interface RequestOptions {
  method: string;
  url: string;
  request?: { retryCount?: number; retries?: number };
}

/**
 * Count every GitHub request of a job's client, and keep POSTs from being re-sent blindly.
 * Octokit's retry plugin would re-send a POST whose answer was lost (a 502 after GitHub
 * created the comment or the issue) and create it twice; the job retry re-reads GitHub
 * before writing again, so POSTs are left to it. Idempotent methods keep the plugin's retries.
 */
export function instrumentOctokit(octokit: Octokit, metrics: RuntimeMetrics): void {
  if (instrumented.has(octokit)) return;
  instrumented.add(octokit);
  octokit.hook.wrap("request", async (request, options) => {
    const opts = options as unknown as RequestOptions;
    if (opts.method === "POST") opts.request = { ...opts.request, retries: 0 };
    const route = routeLabel(opts.url);
    try {
      const response = await request(options);
      record(metrics, opts, route, response.status, response.headers);
      return response;
    } catch (error) {
      const failed = error as { status?: number; response?: { headers?: Record<string, unknown> } };
      record(metrics, opts, route, failed.status ?? 0, failed.response?.headers);
      throw error;
    }
  });
}

function record(
  metrics: RuntimeMetrics,
  opts: RequestOptions,
  route: string,
  status: number,
  headers: Record<string, unknown> | undefined,
): void {
  metrics.githubRequests.inc({ method: opts.method, route, status: String(status) });
  // The retry and throttle plugins count the times they re-sent this request in its options.
  const resent = opts.request?.retryCount ?? 0;
  if (resent > 0) metrics.retries.inc({ level: "request", reason: "octokit" }, resent);
  if (opts.method !== "GET" && opts.method !== "HEAD" && status > 0 && status < 400) {
    metrics.githubWrites.inc({ method: opts.method });
  }
  const remaining = Number(headers?.["x-ratelimit-remaining"]);
  if (Number.isFinite(remaining) && headers?.["x-ratelimit-remaining"] !== undefined) {
    metrics.rateLimitRemaining.set(remaining);
  }
}

/** Path words of GitHub's REST routes; any other segment is a value (a name, a number). */
const ROUTE_WORDS = new Set(
  (
    "app installations installation access_tokens repositories hook deliveries attempts orgs " +
    "users teams memberships repos issues comments labels actions secrets public-key runs " +
    "jobs rerun-failed-jobs workflows pulls files commits check-runs git trees blobs ref refs " +
    "heads contents collaborators permission compare"
  ).split(" "),
);

/**
 * A bounded label for a request's route. Octokit passes GitHub's template
 * (`/repos/{owner}/{repo}`) for most calls, but pagination follows concrete URLs, whose
 * values (owner, repository, issue number) must never become label values.
 */
export function routeLabel(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, "").split("?")[0] ?? "";
  if (path.includes("{")) return path;
  return path
    .split("/")
    .map((segment) => (segment === "" || ROUTE_WORDS.has(segment) ? segment : "{}"))
    .join("/");
}

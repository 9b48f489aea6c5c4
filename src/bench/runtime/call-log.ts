import type { Call, GitHubDouble } from "../../../test/support/github/github-double.js";

export interface TimedCall extends Call {
  at: number;
}

/** Every call the double answers, with the time it was answered (performance.now()). */
export class CallLog {
  readonly calls: TimedCall[] = [];

  constructor(double: GitHubDouble) {
    double.onCall = (call) => this.calls.push({ ...call, at: performance.now() });
  }

  since(at: number, until = Number.POSITIVE_INFINITY): TimedCall[] {
    return this.calls.filter((call) => call.at >= at && call.at <= until);
  }

  /** When the first call matching `test` after `at` was answered; waits up to `timeoutMs`. */
  async when(
    at: number,
    test: (call: TimedCall) => boolean,
    timeoutMs: number,
  ): Promise<number | undefined> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const found = this.calls.find((call) => call.at >= at && test(call));
      if (found) return found.at;
      await new Promise((done) => setTimeout(done, 20));
    }
    return undefined;
  }

  /** Resolves once no call was answered for `quietMs` (the app is idle again). */
  async quiet(quietMs: number): Promise<number> {
    for (;;) {
      const last = this.calls.at(-1)?.at ?? 0;
      const idle = performance.now() - last;
      if (idle >= quietMs) return last;
      await new Promise((done) => setTimeout(done, Math.min(200, quietMs - idle + 5)));
    }
  }
}

/** Requests, writes and secondary-limit answers of a slice of calls (the token call excluded:
 * Probot caches it for an hour, so it is not a per-request cost), and the requests per
 * route (`METHOD operationId`), to see where they go. */
export function countCalls(calls: readonly Call[]): {
  requests: number;
  writes: number;
  routes: Record<string, number>;
} {
  const counted = calls.filter(
    (call) => call.operationId !== "apps/create-installation-access-token",
  );
  const routes: Record<string, number> = {};
  for (const call of counted) {
    const route = `${call.method} ${call.operationId}`;
    routes[route] = (routes[route] ?? 0) + 1;
  }
  return {
    requests: counted.length,
    writes: counted.filter((call) => call.method !== "GET").length,
    routes,
  };
}

/** Requests and writes to GitHub, and wall time, of one stage of a request's life. */
export interface StageFigures {
  requests: number;
  writes: number;
  wallMs: number;
  /** Requests per route (`METHOD operationId`). */
  routes?: Record<string, number>;
}

export interface BurstFigures {
  requests: number;
  /** Requests whose code was pushed before the time limit. */
  finished: number;
  wallMs: number;
  /** Of the app process; the original ran in another system, so it has none here. */
  peakRssMiB?: number;
  secondaryRateLimits: number;
  githubRequests: number;
}

import { GitHubDouble } from "../github/github-double.js";
import { type HttpDouble, type SecondaryLimits, serveDouble } from "../github/http-double.js";
import { arrangeOrg } from "../github/scenario.js";
import { type RunningRedis, startRedis } from "../redis/start-redis.js";
import { type AppKeys, appKeys } from "./app-keys.js";
import { type AppProcess, startApp } from "./app-process.js";

/** Timings the runtime reads from its environment, shortened for tests (see README). */
export const FAST_RUNTIME_ENV: Record<string, string> = {
  // A dead replica's Redis job lock and request lease run out after 3 s, not 30.
  DEVPORTAL_LOCK_SECONDS: "3",
  // The recovery sweep runs 2 s after start, then every 10 s instead of 5 minutes.
  DEVPORTAL_RECOVERY_INTERVAL: "10",
};

export interface World {
  double: GitHubDouble;
  github: HttpDouble;
  keys: AppKeys;
  redis?: RunningRedis;
  apps: AppProcess[];
  /** Every app process this world spawned, by pid, including one still starting. */
  pids: number[];
  /** Start one more replica of the app against this world. */
  startApp: (params?: { name?: string; env?: Record<string, string> }) => Promise<AppProcess>;
  stop: () => Promise<void>;
}

/**
 * One organisation on the GitHub double served over HTTP, optionally a real redis-server, and
 * the app processes started against them; `stop` ends every process the world started.
 */
export async function startWorld(
  params: {
    latencyMs?: number;
    redis?: boolean;
    env?: Record<string, string>;
    limits?: SecondaryLimits;
    /** The runtime's default timings (the benchmark), not FAST_RUNTIME_ENV. */
    productionTimings?: boolean;
  } = {},
): Promise<World> {
  const double = await GitHubDouble.create();
  arrangeOrg(double);
  const keys = appKeys();
  const github = await serveDouble(double, {
    latencyMs: params.latencyMs ?? 0,
    appId: keys.appId,
    appPublicKey: keys.publicKey,
    ...(params.limits ? { limits: params.limits } : {}),
  });
  const redis = params.redis ? await startRedis() : undefined;
  const apps: AppProcess[] = [];
  const pids: number[] = [];
  const world: World = {
    double,
    github,
    keys,
    ...(redis ? { redis } : {}),
    apps,
    pids,
    startApp: async ({ name, env } = {}) => {
      const app = await startApp({
        keys,
        githubHost: github.host,
        ...(redis ? { redisUrl: redis.url } : {}),
        env: { ...(params.productionTimings ? {} : FAST_RUNTIME_ENV), ...params.env, ...env },
        ...(name ? { name } : {}),
        onSpawn: (pid) => pids.push(pid),
      });
      apps.push(app);
      return app;
    },
    stop: async () => {
      await Promise.all(apps.map((app) => app.stop()));
      await github.close();
      await redis?.stop();
    },
  };
  return world;
}

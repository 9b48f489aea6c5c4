import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTINGS } from "../../../test/support/github/scenario.js";
import { startWorld, type World } from "../../../test/support/process/world.js";
import { waitQuiet } from "../../../test/support/process/writes.js";
import { render } from "../../render/render.js";
import { parseRequest } from "../../request/parse-request.js";
import { parseSettings } from "../../request/parse-settings.js";
import { percentile } from "../measure.js";
import { measureAppFlow } from "./app-flow.js";
import { measureBurst } from "./burst.js";
import { CallLog } from "./call-log.js";
import type { BurstFigures, StageFigures } from "./figures.js";
import { ORIGINAL, originalClient, runOriginalFlow } from "./original-flow.js";

export const LATENCY_MS = 100;

export interface RuntimeResults {
  latencyMs: number;
  app: {
    ack: { p50Ms: number; p99Ms: number; samples: number; refused: number };
    provisioning: StageFigures;
    /** While the build runs: the app's "CI running" reports (the original polls instead). */
    ci: { requests: number; writes: number; routes?: Record<string, number> };
    deployment: StageFigures;
    burst: BurstFigures;
  };
  original: {
    ack: { p50Ms: number; p99Ms: number; samples: number };
    provisioning: StageFigures;
    deployment: StageFigures;
    polls: number;
    burst: BurstFigures;
    /** The same flow pushing one Contents API commit per file (the seed's fallback, and how
     * issue 9 describes the original). */
    perFile: { provisioning: StageFigures; wholeRequests: number };
  };
  targets: { name: string; pass: boolean; value: string }[];
}

/** Every request of the app over one request's life: provisioning, the build, the deploy. */
export function wholeFlow(app: RuntimeResults["app"]): number {
  return app.provisioning.requests + app.ci.requests + app.deployment.requests;
}

function orDie<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** The files the original pushed: our rendering of the same request, without our record. */
function originalFiles(root: string, service: string) {
  const text = readFileSync(join(root, "examples/orders-api.devportal.yml"), "utf8");
  const request = orDie(
    parseRequest(
      text
        .replaceAll("orders-api", service)
        .replaceAll("orders.example.com", `${service}.example.com`),
      "request",
    ),
  );
  const rendered = orDie(render({ request, settings: orDie(parseSettings(SETTINGS)) }));
  const repositoryA = Object.fromEntries(
    Object.entries(rendered.repositoryA).filter(([path]) => !path.startsWith(".devportal/")),
  );
  const manifests = Object.fromEntries(
    Object.entries(rendered.repositoryB).filter(
      ([path]) => path.startsWith(`apps/${service}/`) && !path.endsWith("README.md"),
    ),
  );
  return { repositoryA, manifests };
}

/** An app process past its start-up recovery sweep, so its reads are not counted as the
 * request's. */
async function startIdle(world: World, name: string) {
  const app = await world.startApp({ name });
  await waitQuiet(world.double, 3_500);
  return app;
}

/** Our app as users run it, then the original flow, each against a fresh double. */
export async function runtimeBench(params: {
  root: string;
  burst: number;
  burstTimeoutMs: number;
  progress: (line: string) => void;
}): Promise<RuntimeResults> {
  const single = await startWorld({ latencyMs: LATENCY_MS, productionTimings: true });
  let flow: Awaited<ReturnType<typeof measureAppFlow>>;
  try {
    const app = await startIdle(single, "bench");
    params.progress("app: one request, issue -> code pushed -> green build -> tag committed");
    flow = await measureAppFlow({ world: single, app, service: "orders-api", comments: 20 });
  } finally {
    await single.stop();
  }

  const crowd = await startWorld({ latencyMs: LATENCY_MS, productionTimings: true });
  let burst: Awaited<ReturnType<typeof measureBurst>>;
  try {
    const app = await startIdle(crowd, "bench-burst");
    params.progress(`app: a burst of ${params.burst} requests`);
    burst = await measureBurst({
      world: crowd,
      app,
      size: params.burst,
      timeoutMs: params.burstTimeoutMs,
    });
  } finally {
    await crowd.stop();
  }

  params.progress("original flow: one request, then a burst (simulated clock for the waits)");
  const original = await originalOnce(params.root, "batch");
  const perFile = await originalOnce(params.root, "per-file");
  let originalBurst: BurstFigures;
  // A fresh GitHub for the burst: the single request's writes must not count against its limits.
  const oldCrowd = await startWorld({ latencyMs: LATENCY_MS, productionTimings: true });
  try {
    const client = await originalClient(oldCrowd);
    originalBurst = await originalBurstFigures({ ...params, world: oldCrowd, client });
  } finally {
    await oldCrowd.stop();
  }

  const acks = [...flow.acks, ...burst.acks];
  const app = {
    ack: {
      p50Ms: percentile(acks, 50),
      p99Ms: percentile(acks, 99),
      samples: acks.length,
      refused: flow.refusedAcks,
    },
    provisioning: flow.provisioning,
    ci: flow.ci,
    deployment: flow.deployment,
    burst: burst.figures,
  };
  const originalResults = {
    ack: { p50Ms: original.answerMs, p99Ms: original.answerMs, samples: 1 },
    provisioning: original.provisioning,
    deployment: original.deployment,
    polls: original.polls,
    burst: originalBurst,
    perFile: { provisioning: perFile.provisioning, wholeRequests: originalWhole(perFile) },
  };
  const originalRequests = originalWhole(original);
  const appRequests = wholeFlow(app);
  return {
    latencyMs: LATENCY_MS,
    app,
    original: originalResults,
    targets: [
      {
        name: "acknowledgement p99 < 1 s",
        pass: app.ack.p99Ms < 1000,
        value: `${app.ack.p99Ms.toFixed(0)} ms`,
      },
      {
        name: "<= 20 requests per provisioning",
        pass: app.provisioning.requests <= 20,
        value: String(app.provisioning.requests),
      },
      threeTimesFewer(
        ">= 3x fewer requests than the original (whole flow)",
        appRequests,
        originalRequests,
      ),
      threeTimesFewer(
        ">= 3x fewer requests than the original pushing per file (issue 9's description)",
        appRequests,
        originalResults.perFile.wholeRequests,
      ),
      {
        name: "zero secondary rate limits in the burst",
        pass: app.burst.secondaryRateLimits === 0 && app.burst.finished === app.burst.requests,
        value: `${app.burst.secondaryRateLimits} (${app.burst.finished}/${app.burst.requests} finished)`,
      },
    ],
  };
}

function threeTimesFewer(name: string, app: number, original: number) {
  return {
    name,
    pass: original >= 3 * app,
    value: `${app} vs ${original} (${(original / app).toFixed(1)}x)`,
  };
}

/** Every request of the original over one request's life: its pushes, its polls (the one
 * that saw the green run is counted in the deployment), its manifests. */
export function originalWhole(original: {
  provisioning: StageFigures;
  deployment: StageFigures;
  polls: number;
}): number {
  return original.provisioning.requests + original.polls + original.deployment.requests - 1;
}

/** One request through the original flow, against a fresh double. */
async function originalOnce(root: string, push: "batch" | "per-file") {
  const world = await startWorld({ latencyMs: LATENCY_MS, productionTimings: true });
  try {
    const client = await originalClient(world);
    return await runOriginalFlow({
      world,
      client,
      service: "orders-api",
      push,
      ...originalFiles(root, "orders-api"),
    });
  } finally {
    await world.stop();
  }
}

/** The original portal under the same burst: every request's flow at once, no pacing. */
async function originalBurstFigures(params: {
  root: string;
  burst: number;
  world: Awaited<ReturnType<typeof startWorld>>;
  client: Awaited<ReturnType<typeof originalClient>>;
}): Promise<BurstFigures> {
  const log = new CallLog(params.world.double);
  const limitedBefore = params.world.github.secondaryLimited();
  const began = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: params.burst }, (_, i) => {
      const service = `burst-${String(i).padStart(3, "0")}`;
      return runOriginalFlow({
        world: params.world,
        client: params.client,
        service,
        ...originalFiles(params.root, service),
        log,
      });
    }),
  );
  const finished = outcomes.filter((outcome) => outcome.status === "fulfilled");
  const simulatedMs = finished.length > 0 ? (ORIGINAL.ciRunS + ORIGINAL.pollEveryS) * 1000 : 0;
  return {
    requests: params.burst,
    finished: finished.length,
    wallMs: performance.now() - began + simulatedMs,
    secondaryRateLimits: params.world.github.secondaryLimited() - limitedBefore,
    githubRequests: log.calls.length,
  };
}

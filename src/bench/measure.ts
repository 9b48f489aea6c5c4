import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Heap still in use after the runs and a full GC, minus before: what rendering retains. */
  heapDeltaKiB: number;
  /** Heap allocated during one run, at its peak (no GC in between). */
  heapPerRunKiB: number;
}

// `npm run bench` starts node without --expose-gc; enabling it at run time lets memory
// figures be measured after a full collection instead of whenever V8 last collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Median and p95 of `runs` timed calls after `warmup` untimed ones (JIT, template cache). */
export function measure(fn: () => unknown, options: { runs: number; warmup: number }): Timing {
  for (let i = 0; i < options.warmup; i++) fn();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const durations: number[] = [];
  let peakPerRun = 0;
  for (let i = 0; i < options.runs; i++) {
    gc();
    const start = process.memoryUsage().heapUsed;
    const began = performance.now();
    fn();
    durations.push(performance.now() - began);
    peakPerRun = Math.max(peakPerRun, process.memoryUsage().heapUsed - start);
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    runs: options.runs,
    medianMs: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    heapDeltaKiB: Math.round((heapAfter - heapBefore) / 1024),
    heapPerRunKiB: Math.round(peakPerRun / 1024),
  };
}

/** Nearest-rank percentile, rounded to 0.01 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round((sorted[rank - 1] ?? Number.NaN) * 100) / 100;
}

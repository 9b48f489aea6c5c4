import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { render } from "../render/render.js";
import { parseRequest } from "../request/parse-request.js";
import { parseSettings } from "../request/parse-settings.js";
import type { ServiceRequest } from "../request/service-request.js";
import { cliColdStart } from "./cli-cold-start.js";
import { generatedRequest } from "./generated-request.js";
import { measure, type Timing } from "./measure.js";
import { type RuntimeResults, runtimeBench } from "./runtime/runtime-bench.js";
import { runtimeTable } from "./runtime/runtime-table.js";

/** The package root, from src/bench (tsx) and lib/bench (built) alike. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLE = "examples/orders-api.devportal.yml";
const RUNS = 30;
const WARMUP = 5;

interface Case {
  name: string;
  timing: Timing;
  targetMedianMs: number;
  pass: boolean;
}

function load<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function renderCase(name: string, request: ServiceRequest, targetMedianMs: number): Case {
  const settings = load(
    parseSettings(readFileSync(join(ROOT, "examples/settings.yml"), "utf8")),
    "settings",
  );
  const once = () => load(render({ request, settings }), name);
  const timing = measure(once, { runs: RUNS, warmup: WARMUP });
  return { name, timing, targetMedianMs, pass: timing.medianMs < targetMedianMs };
}

/** `--burst N` (default 100): the size of the burst; `--no-runtime`: render benchmarks only. */
function option(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  const value = index === -1 ? undefined : Number(argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main(argv: string[]): Promise<number> {
  const example = load(parseRequest(readFileSync(join(ROOT, EXAMPLE), "utf8"), EXAMPLE), EXAMPLE);
  const cases = [
    renderCase("render orders-api example", example, 20),
    renderCase("render 50 models x 20 fields", generatedRequest({ models: 50, fields: 20 }), 200),
  ];
  const coldStart = cliColdStart({ root: ROOT, example: EXAMPLE, runs: 5 });
  const json = argv.includes("--json");
  const runtime: RuntimeResults | undefined = argv.includes("--no-runtime")
    ? undefined
    : await runtimeBench({
        root: ROOT,
        burst: option(argv, "--burst", 100),
        burstTimeoutMs: option(argv, "--burst-timeout-s", 1800) * 1000,
        progress: (line) => process.stderr.write(`bench: ${line}\n`),
      });
  const results = {
    node: process.version,
    runs: RUNS,
    warmup: WARMUP,
    cases,
    cliColdStart: coldStart,
    ...(runtime ? { runtime } : {}),
    pass: cases.every((c) => c.pass) && (runtime?.targets.every((t) => t.pass) ?? true),
  };
  writeFileSync(join(ROOT, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(table(cases, coldStart));
    if (runtime) process.stdout.write(`\n${runtimeTable(runtime)}`);
  }
  return results.pass ? 0 : 1;
}

function table(cases: Case[], coldStart: ReturnType<typeof cliColdStart>): string {
  const header = ["case", "median ms", "p95 ms", "heap/run KiB", "retained KiB", "target", ""];
  const rows = cases.map((c) => [
    c.name,
    c.timing.medianMs.toFixed(2),
    c.timing.p95Ms.toFixed(2),
    String(c.timing.heapPerRunKiB),
    String(c.timing.heapDeltaKiB),
    `< ${c.targetMedianMs} ms`,
    c.pass ? "PASS" : "FAIL",
  ]);
  rows.push(
    coldStart.available
      ? [
          `CLI cold start (${coldStart.runs} runs)`,
          coldStart.medianMs.toFixed(0),
          "",
          "",
          "",
          "",
          "",
        ]
      : ["CLI cold start", "unavailable", "", "", "", "", coldStart.reason],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `${cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd()}\n`;
  return (
    [header, ...rows].map(line).join("") +
    `(${RUNS} runs after ${WARMUP} warm-up, ${process.version}; also in bench-results.json)\n`
  );
}

process.exitCode = await main(process.argv.slice(2));

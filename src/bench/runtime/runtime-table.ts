import { originalWhole, type RuntimeResults, wholeFlow } from "./runtime-bench.js";

const ms = (value: number) =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;

function ratio(original: number, app: number): string {
  if (app === 0) return original === 0 ? "=" : "-";
  return `${(original / app).toFixed(1)}x`;
}

/** The side-by-side table: our app, the original flow, and original / app for each figure. */
export function runtimeTable(results: RuntimeResults): string {
  const { app, original } = results;
  const rows: string[][] = [
    [
      "webhook acknowledgement p50",
      ms(app.ack.p50Ms),
      ms(original.ack.p50Ms),
      ratio(original.ack.p50Ms, app.ack.p50Ms),
    ],
    [
      "webhook acknowledgement p99",
      ms(app.ack.p99Ms),
      ms(original.ack.p99Ms),
      ratio(original.ack.p99Ms, app.ack.p99Ms),
    ],
  ];
  for (const [label, stage] of [
    ["issue -> code pushed", "provisioning"],
    ["green build -> tag committed", "deployment"],
  ] as const) {
    const a = app[stage];
    const o = original[stage];
    rows.push(
      [`${label}: requests`, String(a.requests), String(o.requests), ratio(o.requests, a.requests)],
      [`${label}: writes`, String(a.writes), String(o.writes), ratio(o.writes, a.writes)],
      [`${label}: wall time`, ms(a.wallMs), ms(o.wallMs), ratio(o.wallMs, a.wallMs)],
    );
  }
  const appTotal = wholeFlow(app);
  const originalTotal = originalWhole(original);
  const perFile = original.perFile;
  rows.push(
    [
      "build running: requests (app: its reports; original: polls)",
      String(app.ci.requests),
      String(original.polls - 1),
      ratio(original.polls - 1, app.ci.requests),
    ],
    [
      `whole flow: requests (original: ${original.polls} polls)`,
      String(appTotal),
      String(originalTotal),
      ratio(originalTotal, appTotal),
    ],
    [
      "issue -> code pushed: requests (original pushing per file)",
      String(app.provisioning.requests),
      String(perFile.provisioning.requests),
      ratio(perFile.provisioning.requests, app.provisioning.requests),
    ],
    [
      "whole flow: requests (original pushing per file)",
      String(appTotal),
      String(perFile.wholeRequests),
      ratio(perFile.wholeRequests, appTotal),
    ],
    [
      `burst of ${app.burst.requests}: time to finish all`,
      app.burst.finished === app.burst.requests ? ms(app.burst.wallMs) : "never",
      original.burst.finished === original.burst.requests ? ms(original.burst.wallMs) : "never",
      original.burst.finished === original.burst.requests
        ? ratio(original.burst.wallMs, app.burst.wallMs)
        : "",
    ],
    [
      `burst of ${app.burst.requests}: requests finished`,
      String(app.burst.finished),
      String(original.burst.finished),
      "",
    ],
    [
      `burst of ${app.burst.requests}: secondary rate limits hit`,
      String(app.burst.secondaryRateLimits),
      String(original.burst.secondaryRateLimits),
      "",
    ],
    [
      `burst of ${app.burst.requests}: peak RSS of the app`,
      `${app.burst.peakRssMiB ?? 0} MiB`,
      "n/a",
      "",
    ],
  );
  const header = ["figure", "app", "original", "original / app"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `${cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd()}\n`;
  const targets = results.targets
    .map((target) => `${target.pass ? "PASS" : "FAIL"}  ${target.name}: ${target.value}\n`)
    .join("");
  return `${[header, ...rows].map(line).join("")}(GitHub double over HTTP, ${results.latencyMs} ms per answer, Probot's retry and throttling on; the original pushes as the seed documents, one Git Data API commit, except where it says per file; its 10 s polls through a 3-minute CI run are simulated, not waited)\n${targets}`;
}

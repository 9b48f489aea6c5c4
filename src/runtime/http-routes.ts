import type { IncomingMessage, ServerResponse } from "node:http";
import type { Runtime } from "./runtime.js";

/**
 * `/healthz` (the process answers), `/readyz` (the queue takes jobs: with Redis, Redis
 * answers a PING) and `/metrics` (Prometheus text format), for Probot 14's `addHandler`:
 * a handler answers the requests it knows and returns false for the others.
 */
export function runtimeRoutes(runtime: Runtime) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "").split("?")[0];
    switch (path) {
      case "/healthz":
        send(res, 200, "text/plain; charset=utf-8", "ok\n");
        return true;
      case "/readyz": {
        const ready = await runtime.queue.ready().catch(() => false);
        const body = JSON.stringify({ ready, queue: runtime.queue.engine });
        send(res, ready ? 200 : 503, "application/json", `${body}\n`);
        return true;
      }
      case "/metrics": {
        const { registry } = runtime.metrics;
        send(res, 200, registry.contentType, await registry.metrics());
        return true;
      }
      default:
        return false;
    }
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

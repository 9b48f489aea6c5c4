import { createVerify, type KeyObject, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { GitHubDouble } from "./github-double.js";
import type { Reply } from "./routes.js";

/** GitHub's documented secondary limits that a burst can reach (REST). The hourly cap of 500
 * content-creating requests is left out: a benchmark burst would hit it by design. */
export interface SecondaryLimits {
  /** Content-creating requests (every non-GET) per rolling minute: GitHub says 80. */
  writesPerMinute: number;
  /** Requests in flight at once: GitHub says 100. */
  concurrent: number;
}

export const GITHUB_SECONDARY_LIMITS: SecondaryLimits = { writesPerMinute: 80, concurrent: 100 };

export interface HttpDoubleOptions {
  /** Wait before every answer (after the work is applied, as when an answer is slow). */
  latencyMs?: number;
  /** The app's public key: installation tokens are only issued for a JWT it signed. */
  appPublicKey: KeyObject;
  appId: string;
  limits?: SecondaryLimits;
}

export interface HttpDouble {
  /** `127.0.0.1:<port>`: the app's GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
  /** Requests answered 403 because a secondary limit was exceeded. */
  secondaryLimited: () => number;
  /** Requests that reached the server, /app token requests included. */
  requests: () => number;
  close: () => Promise<void>;
}

const API_PREFIX = "/api/v3";

/**
 * The stateful GitHub double served over HTTP on loopback, as GitHub Enterprise Server would
 * be: Probot builds `baseUrl = ${GHE_PROTOCOL}://${GHE_HOST}/api/v3` (probot/lib/create-probot.js),
 * so `probot run` talks to it unchanged. Authentication is checked the way GitHub does it: the
 * token endpoint wants a JWT signed with the app's key, every other call a token it issued.
 */
export async function serveDouble(
  double: GitHubDouble,
  options: HttpDoubleOptions,
): Promise<HttpDouble> {
  const limits = options.limits ?? GITHUB_SECONDARY_LIMITS;
  const tokens = new Set<string>();
  const writeTimes: number[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let limited = 0;
  let requests = 0;

  const overLimit = (method: string): number | undefined => {
    const now = Date.now();
    while ((writeTimes[0] ?? now) <= now - 60_000) writeTimes.shift();
    if (inFlight > limits.concurrent) return 60;
    if (method === "GET") return undefined;
    if (writeTimes.length >= limits.writesPerMinute) {
      return Math.max(1, Math.ceil(((writeTimes[0] ?? now) + 60_000 - now) / 1000));
    }
    writeTimes.push(now);
    return undefined;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").startsWith(API_PREFIX)
      ? (req.url ?? "/").slice(API_PREFIX.length)
      : (req.url ?? "/");
    const isTokenRequest = /^\/app\/installations\/\d+\/access_tokens/.test(path);
    // The app's own endpoints (/app, its installations, its webhook deliveries) take its JWT.
    const isAppRequest = path === "/app" || path.startsWith("/app/") || path.startsWith("/app?");
    const auth = req.headers.authorization ?? "";
    const denied = isAppRequest
      ? jwtProblem(auth, options)
      : tokens.has(auth.replace(/^token /i, "").replace(/^bearer /i, ""))
        ? undefined
        : "Bad credentials";
    let reply: Reply;
    const retryAfter = overLimit(method);
    if (denied) {
      double.violations.push(`${method} ${path}: ${denied}`);
      reply = { status: 401, body: { message: denied } };
    } else if (retryAfter !== undefined) {
      limited += 1;
      reply = {
        status: 403,
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        },
        headers: { "retry-after": String(retryAfter) },
      };
    } else {
      reply = double.handle(method, path, body, req.headers as Record<string, string>);
      if (isTokenRequest && reply.status === 201) {
        const token = `ghs_${randomBytes(18).toString("hex")}`;
        tokens.add(token);
        reply = { ...reply, body: { ...(reply.body as object), token } };
      }
    }
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
    if (reply.reset) {
      req.socket.resetAndDestroy();
      return;
    }
    const text =
      reply.body === undefined
        ? ""
        : typeof reply.body === "string"
          ? reply.body
          : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      "content-type": "application/json; charset=utf-8",
      ...(reply.headers ?? {}),
    });
    res.end(reply.status === 204 ? undefined : text);
  };

  const server: Server = createServer((req, res) => {
    requests += 1;
    inFlight += 1;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      answer(req, res, Buffer.concat(chunks).toString("utf8"))
        .catch((error: unknown) => {
          double.violations.push(`double crashed: ${String(error)}`);
          if (!res.headersSent) res.writeHead(500).end();
        })
        .finally(() => {
          inFlight -= 1;
        });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    secondaryLimited: () => limited,
    requests: () => requests,
    close: () =>
      new Promise((closed) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => closed());
      }),
  };
}

/** Why GitHub would refuse this app JWT, or undefined when it is valid. */
function jwtProblem(authorization: string, options: HttpDoubleOptions): string | undefined {
  const jwt = authorization.replace(/^bearer /i, "");
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature) return "A JSON web token could not be decoded";
  const verifier = createVerify("RSA-SHA256");
  verifier.update(`${header}.${payload}`);
  if (!verifier.verify(options.appPublicKey, Buffer.from(signature, "base64url"))) {
    return "A JSON web token could not be decoded (signature)";
  }
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    iss?: unknown;
    exp?: number;
  };
  if (String(claims.iss) !== options.appId) return "Integration not found";
  if (!claims.exp || claims.exp * 1000 < Date.now())
    return "Expiration time' claim ('exp') is too far in the past";
  return undefined;
}

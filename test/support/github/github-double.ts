import sodium from "libsodium-wrappers";
import nock from "nock";
import { DoubleState } from "./double-state.js";
import { checkRequest, matchOperation } from "./openapi-operations.js";
import { HttpError, type Reply, ROUTES } from "./routes.js";
import { APP_ROUTES } from "./routes-app.js";
import { DEPLOY_ROUTES } from "./routes-deploy.js";
import { PEOPLE_ROUTES } from "./routes-people.js";

export interface Call {
  method: string;
  path: string;
  operationId: string;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: recorded request body, asserted by tests
  body?: any;
}

export interface Fault {
  operationId: string;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** GitHub did the work, then the answer was lost (a 502 after the write). */
  applied?: boolean;
  /** The connection is reset instead of answered (status is then only recorded). */
  reset?: boolean;
  /** Only calls on this path (e.g. one repository's) take the fault. */
  pathIncludes?: string;
  /** Consecutive calls that meet the fault (default 1). Octokit's retry plugin makes up to
   * 3 more attempts after a 5xx: `PERSISTENT` outlasts them. */
  times?: number;
}

/** A fault that outlasts plugin-retry's 3 retries of one call. */
export const PERSISTENT = 4;

/** A connection reset before GitHub saw the request. */
export const CONNECTION_RESET: Omit<Fault, "operationId"> = { status: 0, reset: true };

/** GitHub's answer to a request over the secondary rate limit. */
export const SECONDARY_RATE_LIMIT: Omit<Fault, "operationId"> = {
  status: 403,
  message:
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  headers: { "retry-after": "60" },
};

/**
 * A stateful GitHub behind nock: every request to api.github.com is matched against GitHub's
 * REST description (fixture), its body validated, then served from an in-memory model.
 * Anything outside the description, unimplemented, or sent elsewhere is recorded as a
 * violation, which `assertClean()` turns into a test failure.
 */
export class GitHubDouble {
  readonly state = new DoubleState();
  readonly calls: Call[] = [];
  readonly violations: string[] = [];
  private readonly faults: Fault[] = [];
  private keys!: { publicKey: Uint8Array; privateKey: Uint8Array; keyId: string };
  /** Reads of a new repository's refs answered 404 before it "settles" (replication lag). */
  lagReads = 0;
  /** Called with each call as it is answered (process tests kill the app right there). */
  onCall?: (call: Call) => void;

  /** A double not yet reachable: `start()` puts it behind nock, `serveDouble()` behind HTTP. */
  static async create(): Promise<GitHubDouble> {
    await sodium.ready;
    const double = new GitHubDouble();
    const pair = sodium.crypto_box_keypair();
    double.keys = {
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
      keyId: "568250167242549743",
    };
    return double;
  }

  static async start(): Promise<GitHubDouble> {
    const double = await GitHubDouble.create();
    nock.disableNetConnect();
    const scope = nock("https://api.github.com").persist();
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      // nock 15 hands the reply function the fetch Request the client sent.
      scope
        .intercept(() => true, method)
        .reply(async (request: Request) => {
          const url = new URL(request.url);
          const reply = double.handle(
            method,
            `${url.pathname}${url.search}`,
            await request.text(),
            Object.fromEntries(request.headers),
          );
          // A connection reset: the client sees a network error, not an HTTP answer.
          if (reply.reset) {
            throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
          }
          return [reply.status, reply.body as nock.Body, reply.headers ?? {}] as const;
        });
    }
    nock.emitter.on("no match", double.onNoMatch);
    return double;
  }

  private loopback = false;

  /** Let the test talk to servers it started on 127.0.0.1 (the app's own HTTP server);
   * everything else stays outside the double. */
  allowLoopback(): void {
    this.loopback = true;
    nock.enableNetConnect("127.0.0.1");
  }

  private readonly onNoMatch = (request: Request) => {
    if (this.loopback && new URL(request.url).hostname === "127.0.0.1") return;
    this.violations.push(`request outside the double: ${request.method} ${request.url}`);
  };

  stop(): void {
    nock.emitter.removeListener("no match", this.onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  }

  /** Fail the next call of an operation once. */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The calls made after the first `index` (a `calls.length` taken before), without the
   * app's own authentication (`apps/...`), which depends on token caching, not on the flow. */
  callsSince(index: number): Call[] {
    return this.calls.slice(index).filter((call) => !call.operationId.startsWith("apps/"));
  }

  writes(): Call[] {
    return this.calls.filter((call) => call.method !== "GET");
  }

  count(operationId: string): number {
    return this.calls.filter(
      (call) => call.operationId === operationId && call.status >= 200 && call.status < 400,
    ).length;
  }

  assertClean(): void {
    if (this.violations.length > 0)
      throw new Error(`GitHub double violations:\n${this.violations.join("\n")}`);
    // A fault the app never ran into means the test did not exercise what it claims.
    if (this.faults.length > 0) {
      const unused = this.faults.map((fault) => `${fault.operationId} ${fault.status}`);
      throw new Error(`GitHub double faults never triggered: ${unused.join(", ")}`);
    }
  }

  handle(method: string, uri: string, rawBody: unknown, headers: Record<string, string>): Reply {
    const url = new URL(uri, "https://api.github.com");
    const body =
      typeof rawBody === "string" ? (rawBody === "" ? undefined : JSON.parse(rawBody)) : rawBody;
    const matched = matchOperation(method, url.pathname);
    const record = (operationId: string, reply: Reply): Reply => {
      const call = { method, path: url.pathname, operationId, status: reply.status, body };
      this.calls.push(call);
      this.onCall?.(call);
      return reply;
    };
    if (!matched) {
      this.violations.push(
        `${method} ${url.pathname} is not an operation of the fixture (GitHub's REST description, as extracted)`,
      );
      return record("unknown", { status: 404, body: { message: "Not Found" } });
    }
    const { operation } = matched;
    this.violations.push(...checkRequest(matched, url.searchParams, body));
    const route =
      ROUTES[operation.operationId] ??
      DEPLOY_ROUTES[operation.operationId] ??
      PEOPLE_ROUTES[operation.operationId] ??
      APP_ROUTES[operation.operationId];
    if (!route) {
      this.violations.push(
        `${operation.operationId} is in the description but not implemented by the double`,
      );
      return record(operation.operationId, { status: 501, body: { message: "Not implemented" } });
    }
    const fault = this.takeFault(operation.operationId, url.pathname);
    if (fault && !fault.applied) return record(operation.operationId, this.faultReply(fault));
    if (this.lagReads > 0 && method === "GET" && operation.operationId.startsWith("git/")) {
      this.lagReads -= 1;
      return record(operation.operationId, { status: 404, body: { message: "Not Found" } });
    }
    let reply: Reply;
    try {
      reply = route({
        params: matched.params,
        query: url.searchParams,
        body,
        headers,
        state: this.state,
        keys: this.keys,
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = { status: error.status, body: { message: error.message } };
    }
    return record(operation.operationId, fault ? this.faultReply(fault) : reply);
  }

  private takeFault(operationId: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (fault) =>
        fault.operationId === operationId &&
        (fault.pathIncludes === undefined || path.includes(fault.pathIncludes)),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    if ((fault.times ?? 1) > 1) {
      this.faults[index] = { ...fault, times: (fault.times ?? 1) - 1 };
    } else {
      this.faults.splice(index, 1);
    }
    return fault;
  }

  private faultReply(fault: Fault): Reply {
    if (fault.reset) return { status: 0, body: null, reset: true };
    return {
      status: fault.status,
      body: { message: fault.message ?? "Server Error" },
      headers: { "content-type": "application/json; charset=utf-8", ...fault.headers },
    };
  }
}

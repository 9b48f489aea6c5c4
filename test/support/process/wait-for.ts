import { createServer } from "node:net";

/** Poll `check` every `everyMs` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; everyMs?: number },
): Promise<number> {
  const began = Date.now();
  for (;;) {
    if (await check()) return Date.now() - began;
    if (Date.now() - began > options.timeoutMs) {
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((done) => setTimeout(done, options.everyMs ?? 50));
  }
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

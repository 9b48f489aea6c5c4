import { formIssuePayload, ORG } from "../../../test/support/github/scenario.js";
import type { AppProcess } from "../../../test/support/process/app-process.js";
import type { World } from "../../../test/support/process/world.js";
import { CallLog } from "./call-log.js";
import type { BurstFigures } from "./figures.js";
import { formBodyFor } from "./request-body.js";

/**
 * `size` different requests opened at once: how long until every one has its code pushed,
 * the app's peak memory, and how often GitHub's secondary limits answered 403.
 */
export async function measureBurst(params: {
  world: World;
  app: AppProcess;
  size: number;
  timeoutMs: number;
}): Promise<{ figures: BurstFigures; acks: number[] }> {
  const { world, app, size } = params;
  const log = new CallLog(world.double);
  const services = Array.from({ length: size }, (_, i) => `burst-${String(i).padStart(3, "0")}`);
  const limitedBefore = world.github.secondaryLimited();
  const began = performance.now();
  const answers = await Promise.all(
    services.map((service, i) =>
      app.deliver(
        "issues",
        formIssuePayload(world.double, { number: 100 + i, body: formBodyFor(service) }),
      ),
    ),
  );
  const pending = new Set(services);
  const deadline = began + params.timeoutMs;
  let lastPushed = began;
  while (pending.size > 0 && performance.now() < deadline) {
    app.peakRssMiB();
    for (const call of log.calls) {
      if (call.operationId !== "git/update-ref" || call.status !== 200) continue;
      const service = call.path.split("/")[3] ?? "";
      if (pending.delete(service)) lastPushed = Math.max(lastPushed, call.at);
    }
    const remaining = pending.size;
    if (remaining > 0) await new Promise((done) => setTimeout(done, 500));
  }
  const githubRequests = log.calls.filter((call) => call.path.startsWith(`/repos/${ORG}/`)).length;
  return {
    figures: {
      requests: size,
      finished: size - pending.size,
      wallMs: (pending.size === 0 ? lastPushed : performance.now()) - began,
      peakRssMiB: app.peakRssMiB(),
      secondaryRateLimits: world.github.secondaryLimited() - limitedBefore,
      githubRequests,
    },
    acks: answers.map((answer) => answer.ms),
  };
}

import { commentPayload, formIssuePayload, ORG } from "../../../test/support/github/scenario.js";
import {
  finish,
  startRun,
  workflowRunPayload,
} from "../../../test/support/github/workflow-runs.js";
import type { AppProcess } from "../../../test/support/process/app-process.js";
import type { World } from "../../../test/support/process/world.js";
import { CallLog, countCalls } from "./call-log.js";
import type { StageFigures } from "./figures.js";

const TIMEOUT_MS = 120_000;
/** Longer than Probot's 3 s spacing of issue writes: no call for this long means idle. */
const QUIET_MS = 3_500;

export interface AppFlowFigures {
  provisioning: StageFigures;
  /** Requests made while the build runs (its `requested` and `in_progress` deliveries). */
  ci: { requests: number; writes: number; routes: Record<string, number> };
  deployment: StageFigures;
  /** Acknowledgement of every delivery sent while the provisioning ran, in ms. */
  acks: number[];
  /** Non-2xx answers to those deliveries. */
  refusedAcks: number;
}

/**
 * One request through the app as users run it: the `issues.opened` delivery, with a comment
 * delivered every `commentEveryMs` while provisioning runs (their acknowledgements are
 * measured), then the green `workflow_run` of the pushed commit.
 */
export async function measureAppFlow(params: {
  world: World;
  app: AppProcess;
  service: string;
  comments: number;
}): Promise<AppFlowFigures> {
  const { world, app, service } = params;
  const log = new CallLog(world.double);
  const issueNumber = 7;
  const began = performance.now();
  const opened = app.deliver("issues", formIssuePayload(world.double, { number: issueNumber }));
  const chatter: Promise<{ status: number; ms: number }>[] = [];
  for (let i = 0; i < params.comments; i++) {
    await new Promise((done) => setTimeout(done, 300));
    chatter.push(
      app.deliver(
        "issue_comment",
        commentPayload(world.double, {
          number: issueNumber,
          body: `Thanks, looking forward to it (${i + 1})`,
          commentId: 9000 + i,
        }),
      ),
    );
  }
  const answers = [await opened, ...(await Promise.all(chatter))];
  const pushed = await log.when(
    began,
    (call) =>
      call.operationId === "git/update-ref" &&
      call.path.startsWith(`/repos/${ORG}/${service}/`) &&
      call.status === 200,
    TIMEOUT_MS,
  );
  if (pushed === undefined) throw new Error(`${service}: code was not pushed in ${TIMEOUT_MS} ms`);
  const idle = await log.quiet(QUIET_MS);
  const provisioning = {
    ...countCalls(log.since(began, idle)),
    wallMs: pushed - began,
  };

  const run = startRun(world.double, { repo: service });
  const building = performance.now();
  for (const action of ["requested", "in_progress"] as const) {
    await app.deliver(
      "workflow_run",
      workflowRunPayload(world.double, { repo: service, run, action }),
    );
  }
  // What the app asks while CI runs (the "CI running" report), where the original polled.
  // The work behind the acknowledgements: "CI running" lands in the status comment.
  await log.when(building, (call) => call.operationId === "issues/update-comment", TIMEOUT_MS);
  const ciIdle = await log.quiet(QUIET_MS);
  const ci = countCalls(log.since(building, ciIdle));
  finish(run, "success");
  const green = performance.now();
  await app.deliver(
    "workflow_run",
    workflowRunPayload(world.double, { repo: service, run, action: "completed" }),
  );
  const tagged = await log.when(
    green,
    (call) =>
      call.operationId === "git/update-ref" &&
      call.path.startsWith(`/repos/${ORG}/gitops/`) &&
      call.status === 200,
    TIMEOUT_MS,
  );
  if (tagged === undefined) throw new Error(`${service}: no GitOps commit in ${TIMEOUT_MS} ms`);
  const deployedIdle = await log.quiet(QUIET_MS);
  return {
    provisioning,
    ci,
    deployment: { ...countCalls(log.since(green, deployedIdle)), wallMs: tagged - green },
    acks: answers.map((answer) => answer.ms),
    refusedAcks: answers.filter((answer) => answer.status >= 300).length,
  };
}

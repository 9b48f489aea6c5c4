import { findBotComment, upsertComment } from "../../github/issues.js";
import { markdownInline } from "../../render/markdown-text.js";
import { retryBuild } from "../deploy/retry.js";
import type { PortalDeps } from "../portal-deps.js";
import { planReplyMarker } from "../state-in-github.js";
import { renderPlan } from "../status/render-plan.js";
import type { StatusReport } from "../status/status-report.js";
import type { Command } from "./parse-command.js";
import { prepareRequest } from "./prepare-request.js";
import type { RequestJob } from "./request-job.js";
import { runRequest } from "./run-request.js";

/**
 * `/devportal retry` runs the request again (every step finds what is done and skips it),
 * then re-runs a failed build or finishes a blocked deployment;
 * `/devportal plan` answers with the plan and writes nothing else. The answer to a plan
 * command is keyed by the command's comment id, so a redelivery edits it instead of
 * answering twice.
 */
export async function runCommand(
  deps: PortalDeps,
  params: { job: RequestJob; command: Command; commentId: number },
): Promise<void> {
  const { job } = params;
  if (params.command === "retry") {
    const report = await runRequest(deps, job);
    await retryBuild(job.octokit, report);
    return;
  }
  const prepared = await prepareRequest(deps, job);
  const marker = planReplyMarker(params.commentId);
  const body = prepared.ok
    ? `${marker}\n**Plan** for \`${prepared.rendered.context.request.service}\`:\n\n${renderPlan(prepared.rendered.plan)}`
    : `${marker}\n**No plan**:\n\n${reasons(prepared.report).join("\n")}`;
  const existing = await findBotComment(job.octokit, {
    ...job.repo,
    issue: job.issue.number,
    marker,
  });
  await upsertComment(job.octokit, {
    ...job.repo,
    issue: job.issue.number,
    body,
    ...(existing ? { existing } : {}),
  });
}

function reasons(report: StatusReport): string[] {
  const failed = Object.values(report.steps).filter((step) => step.state === "failed");
  return [
    ...failed.map((step) => `- ${markdownInline(step.note)}`),
    ...report.problems.map(
      (problem) => `- **${markdownInline(problem.field)}**: ${markdownInline(problem.message)}`,
    ),
  ];
}

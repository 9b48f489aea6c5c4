import { createComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { markdownInline, markdownLink } from "../../render/markdown-text.js";
import { firstFailure, type Outcome, outcomeOf, type StatusReport } from "./status-report.js";

/** Who a notification reaches: the requester, and the platform team when it must act. */
export interface Audience {
  requester?: string | undefined;
  /** `owner/team` mention target, from `platform_team` in the settings. */
  platformTeam?: string | undefined;
}

/**
 * The short new comment a transition deserves, or undefined. Edits of the status comment
 * and label changes notify nobody on GitHub; a new comment with a mention does. Only the
 * transitions that need a person speak: a new failure (with what to do, to whoever must do
 * it), and the service going live.
 */
export function notificationFor(params: {
  previous: StatusReport | undefined;
  next: StatusReport;
  audience: Audience;
  closeOn?: "healthy" | "commit";
}): string | undefined {
  const { previous, next, audience } = params;
  const before: Outcome | undefined = previous ? outcomeOf(previous, params.closeOn) : undefined;
  const after = outcomeOf(next, params.closeOn);
  const requester = audience.requester ? `@${audience.requester}` : "";
  const service = markdownInline(next.service ?? "the service");
  if (after === "failed") {
    const failure = firstFailure(next);
    const was = previous ? firstFailure(previous) : undefined;
    if (!failure || (was?.name === failure.name && was.step.note === failure.step.note)) {
      return undefined;
    }
    const note = markdownInline(failure.step.note);
    if (failure.step.owner === "platform") {
      const team = audience.platformTeam
        ? `@${audience.platformTeam}`
        : "The platform team (no `platform_team` in the portal settings to mention)";
      return `${team}: ${service} needs the platform team: ${note}. ${requester ? `${requester}, nothing to change on your side; ` : ""}the status above updates once it is fixed.`;
    }
    return `${requester ? `${requester}: ` : ""}❌ ${service} stopped: ${note}. The status comment above has the details and links.`;
  }
  if (next.steps.live.late && !previous?.steps.live.late) {
    const team = audience.platformTeam ? `@${audience.platformTeam}` : "Platform team";
    return `${team}: ⏳ ${service} has had ${markdownInline(next.steps.live.note)}. ${requester ? `${requester}, ` : ""}the status above updates when Argo CD reports.`;
  }
  if (after === "deployed" && before !== "deployed") {
    const live = next.steps.live;
    const where = live.link ? ` (${markdownLink(live.linkText ?? "Argo CD app", live.link)})` : "";
    const words =
      live.state === "done" ? "is live and healthy" : "is committed to GitOps for Argo CD";
    return `${requester ? `${requester}: ` : ""}✅ ${service} ${words}${where}.`;
  }
  return undefined;
}

/** Post the notification for a transition, if it deserves one. */
export async function notifyTransition(
  octokit: Octokit,
  params: RepoParams & {
    issue: number;
    previous: StatusReport | undefined;
    next: StatusReport;
    audience: Audience;
    closeOn?: "healthy" | "commit";
  },
): Promise<boolean> {
  const body = notificationFor(params);
  if (!body) return false;
  await createComment(octokit, {
    owner: params.owner,
    repo: params.repo,
    issue: params.issue,
    body,
  });
  return true;
}

/** The mention target of the settings' platform team: `owner/team`. */
export function platformTeamOf(owner: string, team: string | undefined): string | undefined {
  if (!team) return undefined;
  return team.includes("/") ? team : `${owner}/${team}`;
}

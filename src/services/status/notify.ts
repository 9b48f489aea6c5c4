import { createHash } from "node:crypto";
import type { AppIdentity } from "../../github/app-identity.js";
import { createComment, findAppComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { markdownInline, markdownLink } from "../../render/markdown-text.js";
import type { PortalSettings } from "../../request/settings.schema.js";
import { firstFailure, type Outcome, outcomeOf, type StatusReport } from "./status-report.js";

/** Who a notification reaches: the requester (and, on a merged pull request, its author),
 * and the platform team when it must act. */
export interface Audience {
  requester?: string | undefined;
  /** The pull request's author, where the request came from a merged pull request. */
  author?: string | undefined;
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
  // A GitHub login (letters, digits, -) from the event: anything else is never mentioned.
  const requester = [...new Set([audience.author, audience.requester])]
    .filter((login): login is string => !!login && /^[A-Za-z0-9-]+$/.test(login))
    .map((login) => `@${login}`)
    .join(" ");
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

/**
 * Post the notification for a transition, if it deserves one: a new comment, the one kind
 * of write that notifies the people it mentions. The moment's key (the request, its commit
 * and the words) is hidden in the comment, so a redelivery, a retry or a second replica
 * that reaches the same moment finds the comment the app already wrote and posts nothing.
 * The one place the app mentions people.
 */
export async function notifyTransition(
  octokit: Octokit,
  params: RepoParams & {
    issue: number;
    previous: StatusReport | undefined;
    next: StatusReport;
    audience: Audience;
    closeOn?: "healthy" | "commit";
    /** The app's identity, to find its own notifications (always known in the app). */
    app: AppIdentity | undefined;
  },
): Promise<boolean> {
  const text = notificationFor(params);
  if (!text) return false;
  const { origin, steps } = params.next;
  const key = [origin.path, origin.sha, steps.deployed.note, steps.live.at, text].join(" ");
  // Hashed: the words may be long, and the comment must fit GitHub's limit with them.
  const digest = createHash("sha256").update(key).digest("base64url");
  const marker = `<!-- devportal:notify ${digest} -->`;
  const repo = { owner: params.owner, repo: params.repo, issue: params.issue };
  if (params.app && (await findAppComment(octokit, { ...repo, marker, app: params.app }))) {
    return false;
  }
  await createComment(octokit, { ...repo, body: `${text}\n${marker}` });
  return true;
}

/** Who hears about a request's transitions: its requester, the pull request's author where
 * it came from one, and the settings' platform team. */
export function audienceOf(
  report: StatusReport,
  params: { owner: string; settings: PortalSettings | undefined },
): Audience {
  return {
    requester: report.origin.requester,
    author: report.origin.author,
    platformTeam: platformTeamOf(params.owner, params.settings?.platform_team),
  };
}

/** The mention target of the settings' platform team: `owner/team`. */
export function platformTeamOf(owner: string, team: string | undefined): string | undefined {
  if (!team) return undefined;
  return team.includes("/") ? team : `${owner}/${team}`;
}

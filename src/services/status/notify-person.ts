import type { AppIdentity } from "../../github/app-identity.js";
import { findAppComment, upsertComment } from "../../github/issues.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import { outcomeOf, type StatusReport } from "./status-report.js";

/**
 * On a merged pull request, the moments that need a person (the service is live, or it
 * stopped) get a short new comment mentioning its author and whoever merged it: edits of the
 * status comment notify nobody, a new comment with a mention does. One comment per moment:
 * the moment's key (outcome, request file, commit, and the step that decided it) is hidden in
 * the comment, so a redelivery or retry finds the comment the app already wrote and posts
 * nothing. The one place the app mentions people.
 */
export async function notifyPerson(
  octokit: Octokit,
  params: RepoParams & { issue: number; app: AppIdentity; report: StatusReport },
): Promise<void> {
  const { report } = params;
  const outcome = outcomeOf(report);
  if (outcome === "provisioning") return;
  const { origin } = report;
  const step =
    outcome === "deployed"
      ? report.steps.deployed
      : (Object.values(report.steps).find((candidate) => candidate.state === "failed") ??
        report.steps.ci);
  const key = `${outcome} ${origin.path ?? ""} ${origin.sha ?? ""} ${step.link ?? step.note}`;
  const marker = `<!-- devportal:notify ${Buffer.from(key).toString("base64url")} -->`;
  if (await findAppComment(octokit, { ...params, marker })) return;
  const who = [...new Set([origin.author, origin.requester].filter(Boolean))]
    .map((login) => `@${login}`)
    .join(" ");
  // A service name is a DNS label; a path is anything the author typed, kept inside its code span.
  const service = `\`${(report.service ?? origin.path ?? "service").replace(/[`\r\n]/g, "'")}\``;
  const text =
    outcome === "deployed"
      ? `${who} ${service} is deployed: the status comment above has its links.`
      : `${who} ${service} stopped: the status comment above says what failed and what to do (push a fix in a new pull request, or comment \`/devportal retry\`).`;
  await upsertComment(octokit, {
    owner: params.owner,
    repo: params.repo,
    issue: params.issue,
    body: `${marker}\n${text}`,
  });
}

import { markdownLink } from "../../render/markdown-text.js";
import type { Plan } from "../../render/plan.js";

/** The plan as a Markdown table: shown by the PR check, `/devportal plan` and the status
 * comment. Every value is a validated name, host or path, so nothing here needs escaping. */
export function renderPlan(plan: Plan): string {
  const secrets =
    plan.secrets.length > 0 ? plan.secrets.map((name) => `\`${name}\``).join(", ") : "none";
  return [
    "| | |",
    "|---|---|",
    `| Repository | \`${plan.repository.fullName}\` (${plan.repository.visibility}, ${plan.repository.files.length} files in one commit) |`,
    `| Actions secrets | ${secrets} |`,
    `| GitOps path | \`${plan.gitops.fullName}\` \`${plan.gitops.path}\` (${plan.gitops.files.length} files) |`,
    `| Image | \`${plan.image}\` |`,
    `| URL | ${markdownLink(plan.url, plan.url)} |`,
    ...(plan.argocdApp
      ? [`| Argo CD | ${markdownLink(`Argo CD app ${plan.service}`, plan.argocdApp)} |`]
      : []),
    `| Database | ${plan.database}, ${plan.replicas} replica(s) |`,
    `| Access | ${accessText(plan.access)} |`,
  ].join("\n");
}

function accessText(access: Plan["access"]): string {
  if (access.permission === "none") return "the organisation's base role (no grant)";
  const teams = access.teams.map((team) => `team \`${team}\``);
  const who = ["the requester", ...teams];
  return `${who.join(", ")} ${who.length > 1 ? "get" : "gets"} ${access.permission}`;
}

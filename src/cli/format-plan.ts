import type { Plan } from "../render/plan.js";

/** What the deploy really uses: the app renders Repository_B with the full commit SHA of
 * the green build (docker/metadata-action `type=sha,format=long`). */
export const COMMIT_SHA_PLACEHOLDER = "<full commit SHA of the green build>";

/** The plan as a person reads it: placeholders first, where things go, then the files. */
export function formatPlan(params: {
  plan: Plan;
  notes: readonly string[];
  /** Whether --tag chose the tag; otherwise the deploy's tag is shown, not the files'. */
  tagGiven: boolean;
  outDir?: string;
}): string {
  const { plan, outDir } = params;
  const tag = params.tagGiven
    ? plan.tag
    : `${COMMIT_SHA_PLACEHOLDER}  (files here use :${plan.tag} until then; --tag <sha> pins one)`;
  const lines = [
    ...params.notes.map((note) => `Note: ${note}`),
    ...(params.notes.length > 0 ? [""] : []),
    `Service ${plan.service}`,
    `  Repository_A  ${plan.repository.fullName} (${plan.repository.visibility}), ${plan.repository.files.length} files, one commit`,
    `  Secrets       ${plan.secrets.length > 0 ? plan.secrets.join(", ") : "(none)"}`,
    `  Image         ${plan.image}:${tag}`,
    `  Repository_B  ${plan.gitops.fullName}, ${plan.gitops.path}`,
    `  URL           ${plan.url} (${plan.replicas} replica${plan.replicas === 1 ? "" : "s"}, ${plan.database})`,
    `  API           reads ${plan.api.read}, writes ${plan.api.write}; sign-in ${plan.api.auth.join(", ")}`,
    `  Runtime       Secret ${plan.runtimeSecret.name} (${plan.runtimeSecret.mode})`,
    ...(plan.runtimeSecret.handStep
      ? [
          `  Before the first sync, create ${plan.runtimeSecret.handStep.secret}:`,
          ...plan.runtimeSecret.handStep.command.split("\n").map((line) => `    ${line}`),
        ]
      : []),
    ...plan.warnings.map((warning) => `  WARNING: ${warning}`),
    "",
    `${outDir ? `${outDir}/repository-a/` : "Repository_A"}:`,
    ...plan.repository.files.map((file) => `  ${file}`),
    "",
    `${outDir ? `${outDir}/repository-b/` : "Repository_B"}:`,
    ...plan.gitops.files.map((file) => `  ${file}`),
  ];
  return `${lines.join("\n")}\n`;
}

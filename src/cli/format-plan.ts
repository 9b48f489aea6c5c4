import type { Plan } from "../render/plan.js";

/** The plan as a person reads it: where things go, then the file lists. */
export function formatPlan(plan: Plan, outDir?: string): string {
  const lines = [
    `Service ${plan.service}`,
    `  Repository_A  ${plan.repository.fullName} (${plan.repository.visibility}), ${plan.repository.files.length} files, one commit`,
    `  Secrets       ${plan.secrets.length > 0 ? plan.secrets.join(", ") : "(none)"}`,
    `  Image         ${plan.image}:${plan.tag}`,
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

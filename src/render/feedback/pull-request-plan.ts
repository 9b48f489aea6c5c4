import Mustache from "mustache";
import { loadTemplateSet } from "../load-template-set.js";
import type { Plan } from "../plan.js";
import { clip, type Problem, problemsMarkdown } from "./fit-problems.js";
import { GITHUB_LIMITS } from "./github-limits.js";

/** Marks the app's one plan comment on a pull request (believed only when the app wrote it). */
export const PLAN_COMMENT_MARKER = "<!-- devportal:plan -->";

/** What merging one request file would do. */
export type FilePlan =
  | { path: string; kind: "problems"; problems: Problem[] }
  | { path: string; kind: "plan"; plan: Plan }
  | {
      path: string;
      kind: "change";
      plan: Plan;
      /** Deploy keys whose value changes (re-rendered into the GitOps directory). */
      deploy: string[];
      /** The models differ from the recorded request. */
      models: boolean;
    };

/**
 * The plan comment's Markdown: per request file the service, the repository and its files,
 * the GitOps path, namespace, Argo CD application, secrets and URL; or every problem to fix;
 * or, for a service that exists, what the merge changes. Fits GitHub's comment limit: each
 * file's problems get an equal share of what the rest leaves.
 */
export function renderPullRequestPlan(params: {
  files: readonly FilePlan[];
  /** Problems of the portal settings, for the platform team. */
  settingsProblems?: readonly Problem[];
  fork: boolean;
}): string {
  const template = loadTemplateSet("comments").find((file) => file.path === "pull-request-plan.md");
  if (!template) throw new Error("templates/comments/pull-request-plan.md is missing");
  const problemFiles = params.files.filter((file) => file.kind === "problems").length;
  const budget = Math.floor(
    (GITHUB_LIMITS.commentBody - 20_000) /
      Math.max(1, problemFiles + (params.settingsProblems ? 1 : 0)),
  );
  const intro = [
    `Merging this pull request would ${params.files.length === 1 ? "act on one request file" : `act on ${params.files.length} request files`}; nothing is created before the merge.`,
    ...(params.fork
      ? ["From a fork: planned with the portal's own settings; nothing here reads a secret."]
      : []),
    ...(params.settingsProblems?.length
      ? [
          "",
          "**The portal settings have problems** (the platform team fixes them):",
          "",
          problemsMarkdown(params.settingsProblems, budget).markdown,
        ]
      : []),
  ].join("\n");
  const view = {
    marker: PLAN_COMMENT_MARKER,
    intro,
    files: params.files.map((file) => fileView(file, budget)),
  };
  const text = Mustache.render(template.template, view, {}, { escape: (value: string) => value });
  return clip(text, GITHUB_LIMITS.commentBody);
}

function fileView(file: FilePlan, budget: number) {
  // Shown in a code span, where Markdown escapes would show literally: only the characters
  // that could end the span or the line are replaced.
  const path = file.path.replace(/[`\r\n]/g, "'");
  if (file.kind === "problems") {
    return { path, problems: problemsMarkdown(file.problems, budget).markdown };
  }
  const { plan } = file;
  if (file.kind === "change") {
    return {
      path,
      service: plan.service,
      change: {
        repository: plan.repository.fullName,
        deploy:
          file.deploy.length > 0
            ? `- **Deploy**: ${file.deploy.map((key) => `\`${key}\``).join(", ")} change; \`${plan.gitops.fullName}\` \`${plan.gitops.path}\` is re-rendered in one commit, keeping the deployed image.`
            : "- **Deploy**: unchanged.",
        models: file.models
          ? "- **Models**: changed, but the portal never regenerates code the team now owns: the request record is updated, and the models are changed by a pull request on the service repository."
          : "- **Models**: unchanged.",
      },
    };
  }
  const list = (paths: string[]) => paths.map((name) => `- \`${name}\``).join("\n");
  return {
    path,
    service: plan.service,
    plan: {
      repository: plan.repository.fullName,
      repositoryUrl: `https://github.com/${plan.repository.fullName}`,
      visibility: plan.repository.visibility,
      fileCount: plan.repository.files.length,
      gitops: plan.gitops.fullName,
      gitopsPath: plan.gitops.path,
      namespace: plan.namespace,
      application: plan.application,
      secrets:
        plan.secrets.length > 0 ? plan.secrets.map((name) => `\`${name}\``).join(", ") : "none",
      url: `[${plan.url}](${plan.url})`,
      database: `${plan.database}, ${plan.replicas} replica(s)`,
      repositoryFiles: list(plan.repository.files),
      gitopsFiles: list(plan.gitops.files.map((name) => `${name}`)),
    },
  };
}

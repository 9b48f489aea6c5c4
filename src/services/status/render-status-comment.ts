import Mustache from "mustache";
import { fitProblems, omittedNote } from "../../render/feedback/fit-problems.js";
import { GITHUB_LIMITS } from "../../render/feedback/github-limits.js";
import { loadTemplateSet } from "../../render/load-template-set.js";
import { markdownInline } from "../../render/markdown-text.js";
import { encodeStatusMarker, STATUS_MARKER, statusMarkerOf } from "../state-in-github.js";
import { renderPlan } from "./render-plan.js";
import { STEPS, type StatusReport, type StepName, type StepState } from "./status-report.js";

const ICONS: Record<StepState, string> = { done: "✅", pending: "⏳", failed: "❌", skipped: "➖" };

const LABELS: Record<StepName, string> = {
  validated: "Request validated",
  authorized: "Requester authorized",
  repository: "Repository",
  secrets: "Actions secrets",
  code: "Code pushed",
  ci: "CI",
  deployed: "Deployed",
};

/** The status comment's Markdown: a checklist, the problems to fix, the plan, the marker.
 * However many problems a request has, the comment fits GitHub's limit: the first ones are
 * listed and the rest counted (GitHub would refuse the whole comment otherwise). */
export function renderStatusComment(report: StatusReport): string {
  const template = loadTemplateSet("comments").find((file) => file.path === "status.md");
  if (!template) throw new Error("templates/comments/status.md is missing");
  const base = {
    marker: [
      encodeStatusMarker(report),
      ...(statusMarkerOf(report.origin) === STATUS_MARKER ? [] : [statusMarkerOf(report.origin)]),
    ].join("\n"),
    service: markdownInline(report.service ?? "new service"),
    steps: STEPS.map((name) => {
      const step = report.steps[name];
      const note = markdownInline(step.note);
      return {
        icon: ICONS[step.state],
        label: LABELS[name],
        note: step.link ? `${note} ([link](${encodeURI(step.link)}))` : note,
      };
    }),
    hasProblems: report.problems.length > 0,
    plan: report.plan ? renderPlan(report.plan) : undefined,
  };
  const problems = report.problems.map((problem) => ({
    field: markdownInline(problem.field),
    message: markdownInline(problem.message),
  }));
  return fitProblems({
    problems,
    limit: GITHUB_LIMITS.commentBody,
    build: (shown, omitted) =>
      // Everything variable was escaped above; Mustache's HTML escaping would only garble it.
      Mustache.render(
        template.template,
        { ...base, problems: shown, omitted: omitted > 0 ? omittedNote(omitted) : undefined },
        {},
        { escape: (value: string) => value },
      ),
  }).text;
}

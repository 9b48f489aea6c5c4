import Mustache from "mustache";
import { fitProblems, omittedNote } from "../../render/feedback/fit-problems.js";
import { GITHUB_LIMITS } from "../../render/feedback/github-limits.js";
import { loadTemplateSet } from "../../render/load-template-set.js";
import { markdownInline, markdownLink } from "../../render/markdown-text.js";
import { encodeStatusMarker, STATUS_MARKER, statusMarkerOf } from "../state-in-github.js";
import { renderPlan } from "./render-plan.js";
import {
  firstFailure,
  STEPS,
  type StatusReport,
  type StepName,
  type StepState,
  type StepStatus,
} from "./status-report.js";

const ICONS: Record<StepState, string> = { done: "✅", pending: "⏳", failed: "❌", skipped: "➖" };

const LABELS: Record<StepName, string> = {
  validated: "Request validated",
  authorized: "Requester authorized",
  repository: "Repository",
  secrets: "Actions secrets",
  code: "Code pushed",
  ci: "CI",
  deployed: "GitOps commit",
  live: "Live",
};

/** The status comment's Markdown: a checklist, the problems to fix, the plan, the marker.
 * However many problems a request has, the comment fits GitHub's limit: the first ones are
 * listed and the rest counted (GitHub would refuse the whole comment otherwise). */
export function renderStatusComment(report: StatusReport): string {
  const template = loadTemplateSet("comments").find((file) => file.path === "status.md");
  if (!template) throw new Error("templates/comments/status.md is missing");
  const failure = firstFailure(report);
  const failedAt = failure ? STEPS.indexOf(failure.name) : STEPS.length;
  const base = {
    marker: [
      encodeStatusMarker(report),
      ...(statusMarkerOf(report.origin) === STATUS_MARKER ? [] : [statusMarkerOf(report.origin)]),
    ].join("\n"),
    service: markdownInline(report.service ?? "new service"),
    // A GitHub login (letters, digits, -) from the event: the mention subscribes them.
    requester: /^[A-Za-z0-9-]+$/.test(report.origin.requester ?? "")
      ? report.origin.requester
      : undefined,
    steps: STEPS.map((name, index) => {
      // Nothing after a failure is waiting for anything: it will not run until the fix.
      const step: StepStatus =
        index > failedAt && report.steps[name].state === "pending"
          ? { state: "skipped", note: "skipped until the failure above is fixed" }
          : report.steps[name];
      return { icon: ICONS[step.state], label: LABELS[name], note: stepNote(step) };
    }),
    hasProblems: report.problems.length > 0,
    advice:
      failure?.step.owner === "platform"
        ? "These are in the portal settings: the platform team fixes them, then anyone comments `/devportal retry`."
        : "Edit the request (the issue, or the file in a new push) and the portal checks it again.",
    whoActs:
      failure?.step.owner === "platform"
        ? "The platform team must act on this; the requester has nothing to change."
        : undefined,
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

/** One step's words, and its link named after what it points to. */
export function stepNote(step: StepStatus): string {
  const note = markdownInline(step.note);
  if (!step.link) return note;
  const link = markdownLink(step.linkText ?? "details", step.link);
  return note ? `${note} (${link})` : link;
}

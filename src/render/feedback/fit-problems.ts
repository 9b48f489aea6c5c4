import { markdownInline } from "../markdown-text.js";
import { GITHUB_LIMITS } from "./github-limits.js";

/** One thing to fix, as the person sees it: the field (or form label) and the message. */
export interface Problem {
  field: string;
  message: string;
  /** The line of the request file the field is on, when the problem comes from a file. */
  line?: number;
}

/** One problem's line is capped, so a single huge message cannot crowd out all the others. */
export const MAX_PROBLEM_LINE = 2000;

/** `…and 612 more problems not shown: fix these and the portal lists the rest.` */
export function omittedNote(omitted: number): string {
  const what = omitted === 1 ? "1 more problem" : `${omitted} more problems`;
  return `…and ${what} not shown: fix these and the portal lists the rest.`;
}

/** Cut `text` to at most `limit` characters, ending with `…` (never splitting a surrogate
 * pair, which GitHub would refuse as invalid UTF-8). */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The most problems (in order) that fit: `build(shown, omitted)` renders the whole text
 * (comment, summary) from the first `shown` problems and the count left out, and the result
 * is at most `limit` characters. Longer lists only ever render longer, so a binary search
 * finds the cut in a dozen renders even for thousands of problems. Should even no problem
 * fit (the rest of the text alone is too long), the text is clipped as a last resort.
 */
export function fitProblems<T>(params: {
  problems: readonly T[];
  limit: number;
  build: (shown: readonly T[], omitted: number) => string;
}): { text: string; shown: number; omitted: number } {
  const { problems, limit, build } = params;
  const render = (count: number) => build(problems.slice(0, count), problems.length - count);
  const all = render(problems.length);
  if (all.length <= limit) return { text: all, shown: problems.length, omitted: 0 };
  let low = 0;
  let high = problems.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(middle).length <= limit) low = middle;
    else high = middle - 1;
  }
  const text = render(low);
  return { text: clip(text, limit), shown: low, omitted: problems.length - low };
}

/** `- **field** (line 3): message`, inert Markdown, capped. */
export function problemLine(problem: Problem): string {
  const where = problem.line ? ` (line ${Math.trunc(problem.line)})` : "";
  const line = `- **${markdownInline(problem.field)}**${where}: ${markdownInline(problem.message)}`;
  return clip(line, MAX_PROBLEM_LINE);
}

/** A Markdown list of the problems within `budget` characters, with a note of how many were
 * left out when not all fit. */
export function problemsMarkdown(
  problems: readonly Problem[],
  budget: number,
): { markdown: string; shown: number; omitted: number } {
  const fitted = fitProblems({
    problems,
    limit: budget,
    build: (shown, omitted) =>
      [...shown.map(problemLine), ...(omitted > 0 ? ["", omittedNote(omitted)] : [])].join("\n"),
  });
  return { markdown: fitted.text, shown: fitted.shown, omitted: fitted.omitted };
}

/** A check-run annotation as the REST API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

/**
 * A check run's output for a list of problems: the summary (an intro, then the list) within
 * GitHub's summary limit, and at most 50 annotations (one request's worth) on `path`, each
 * at the line `lineOf` finds for it (line 1 when unknown). Problems beyond the annotations
 * are still in the summary, or counted in its note.
 */
export function checkRunFeedback(params: {
  title: string;
  intro: string;
  problems: readonly Problem[];
  path: string;
  lineOf?: (problem: Problem) => number | undefined;
}): {
  title: string;
  summary: string;
  annotations: Annotation[];
  omittedFromSummary: number;
  omittedAnnotations: number;
} {
  const { problems, path, lineOf } = params;
  const intro = clip(params.intro, 8000);
  const list = problemsMarkdown(problems, GITHUB_LIMITS.checkRunSummary - intro.length - 2);
  const annotations = problems.slice(0, GITHUB_LIMITS.annotationsPerRequest).map((problem) => {
    const line = Math.max(1, Math.trunc(lineOf?.(problem) ?? 1));
    return {
      path,
      start_line: line,
      end_line: line,
      annotation_level: "failure" as const,
      title: clip(problem.field || "request", GITHUB_LIMITS.checkRunTitle),
      message: clip(problem.message, GITHUB_LIMITS.annotationMessage),
    };
  });
  return {
    title: clip(params.title, GITHUB_LIMITS.checkRunTitle),
    summary: list.markdown ? `${intro}\n\n${list.markdown}` : intro,
    annotations,
    omittedFromSummary: list.omitted,
    omittedAnnotations: problems.length - annotations.length,
  };
}

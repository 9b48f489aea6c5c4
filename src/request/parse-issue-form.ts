import { type ParsedBody, parseIssue, parseTemplate } from "@github/issue-parser";
import { parse as parseYaml } from "yaml";
import type { Result } from "./service-request.js";

/** Form fields that belong under `deploy:` in `.devportal.yml`. */
const DEPLOY_FIELDS = ["gitops_repo", "host", "replicas", "port", "storage", "database"] as const;
const TEXT_FIELDS = ["service", "description", "project", "app"] as const;
const CHECKBOX_FIELDS = ["cors", "ci"] as const;
const NUMBER_FIELDS = new Set(["replicas", "port"]);

/**
 * Turn an issue-form body (`### <label>` sections) into the raw request object that
 * `validateRequest` checks, so the form and `.devportal.yml` share one schema and one set of
 * messages. Answers are matched to field ids through the form's labels; `_No response_` is an
 * empty answer and is left out (the schema's defaults and rules then apply). Only the models
 * YAML can fail here; everything else is judged by `validateRequest`.
 */
export function parseIssueForm(body: string, template: string): Result<Record<string, unknown>> {
  const answers = parseIssue(body.replace(/\r\n/g, "\n"), template) as ParsedBody;
  const raw: Record<string, unknown> = {};
  for (const key of TEXT_FIELDS) {
    const value = text(answers[key]);
    if (value !== undefined) raw[key] = value;
  }
  for (const key of CHECKBOX_FIELDS) {
    const value = answers[key];
    if (value && typeof value === "object" && "selected" in value) {
      const ticked = checkboxAnswer(key, value.selected);
      if (ticked !== undefined) raw[key] = ticked;
    }
  }
  const deploy: Record<string, unknown> = {};
  for (const key of DEPLOY_FIELDS) {
    const value = text(answers[key]);
    if (value === undefined) continue;
    // Inputs are text; whole numbers become numbers and anything else is left for the
    // schema to reject with its usual message.
    deploy[key] = NUMBER_FIELDS.has(key) && /^\d{1,9}$/.test(value) ? Number(value) : value;
  }
  if (Object.keys(deploy).length > 0) raw.deploy = deploy;
  const models = text(answers.models);
  if (models !== undefined) {
    const parsed = parseModels(models);
    if (!parsed.ok) return parsed;
    raw.models = parsed.value;
  }
  return { ok: true, value: raw };
}

/** Form labels by request key path (`service`, `deploy.host`, ...), to name fields in messages. */
export function issueFormLabels(template: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [id, field] of Object.entries(parseTemplate(template))) {
    const key = (DEPLOY_FIELDS as readonly string[]).includes(id) ? `deploy.${id}` : id;
    labels[key] = field.label;
  }
  return labels;
}

/**
 * A checkbox answer. CI/CD is opt-out: a form submitted as it comes (unticked) leaves `ci`
 * to its default, true, so the default request deploys; only "Skip CI/CD" says false. A
 * request repository still on the older opt-in form ("Add the workflow ...") ticked says
 * true, and unticked still deploys: a box nobody touched is not a decision.
 */
function checkboxAnswer(key: string, selected: readonly string[]): boolean | undefined {
  if (key !== "ci") return selected.length > 0;
  if (selected.some((option) => /^skip\b/i.test(option.trim()))) return false;
  return selected.length > 0 ? true : undefined;
}

function text(value: ParsedBody[string] | undefined): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  // Dropdowns parse to a list of the chosen options.
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  return undefined;
}

/** The models textarea renders as a ```yaml fence; accept the bare list or `models: [...]`. */
function parseModels(answer: string): Result<unknown> {
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(answer);
  const source = fenced ? (fenced[1] ?? "") : answer;
  try {
    const value: unknown = parseYaml(source);
    if (value && typeof value === "object" && !Array.isArray(value) && "models" in value) {
      return { ok: true, value: (value as { models: unknown }).models };
    }
    return { ok: true, value };
  } catch (error) {
    // The yaml library counts lines inside the block it parsed, which is the field's text
    // as the requester typed it (the fence is GitHub's, not theirs): say so, and quote it.
    const first = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const reason = first.replace(/ at line \d+, column \d+:?$/, "");
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const text = line ? source.split("\n")[line - 1]?.trim() : undefined;
    const where = line
      ? ` at line ${line} of the field${text ? ` ("${text.slice(0, 60)}")` : ""}`
      : "";
    return {
      ok: false,
      errors: [{ path: "models", message: `is not valid YAML${where}: ${reason}` }],
    };
  }
}

/**
 * Whether an issue body is the "New service" form even without its label (GitHub drops a
 * template label the repository does not have): every required field's heading is there.
 */
export function looksLikeIssueForm(body: string | null | undefined, template: string): boolean {
  if (!body) return false;
  const required = Object.values(parseTemplate(template)).filter(
    (field) => (field as { required?: boolean }).required,
  );
  const headings = new Set(
    body
      .replace(/\r\n/g, "\n")
      .split("\n")
      .filter((line) => line.startsWith("### "))
      .map((line) => line.slice(4).trim()),
  );
  return required.length > 0 && required.every((field) => headings.has(field.label));
}

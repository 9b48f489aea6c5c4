import { type ParsedBody, parseIssue, parseTemplate } from "@github/issue-parser";
import { parseYamlValue } from "./parse-yaml-document.js";
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
      raw[key] = value.selected.length > 0;
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

/** Only ASCII blanks are trimmed: String.trim would also drop a BOM or a no-break space
 * silently, and an invisible character must be shown to the person, not hidden. */
function trimBlanks(value: string): string {
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

function text(value: ParsedBody[string] | undefined): string | undefined {
  if (typeof value === "string") return trimBlanks(value) === "" ? undefined : trimBlanks(value);
  // Dropdowns parse to a list of the chosen options.
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  return undefined;
}

/** The models textarea renders as a ```yaml fence; accept the bare list or `models: [...]`.
 * The answer is read with the same limits and messages as a `.devportal.yml`. */
function parseModels(answer: string): Result<unknown> {
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(answer);
  const source = fenced ? (fenced[1] ?? "") : answer;
  const parsed = parseYamlValue(source, "the models answer", ["models"]);
  if (!parsed.ok) {
    // Errors of the whole answer belong to the models field of the form.
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({
        ...error,
        path: error.path.replace(/^models\.models\b/, "models") || "models",
      })),
    };
  }
  const value = parsed.value;
  if (value && typeof value === "object" && !Array.isArray(value) && "models" in value) {
    return { ok: true, value: (value as { models: unknown }).models };
  }
  return { ok: true, value };
}

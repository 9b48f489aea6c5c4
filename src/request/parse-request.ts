import { formatIssues } from "./format-issues.js";
import { normalizeRequest } from "./normalize-request.js";
import { parseYamlDocument } from "./parse-yaml-document.js";
import { requestSchema } from "./request.schema.js";
import { revealErrors } from "./reveal-invisible.js";
import { checkApi } from "./rules/check-api.js";
import { checkDeploy } from "./rules/check-deploy.js";
import { checkIdentity } from "./rules/check-identity.js";
import { checkModels } from "./rules/check-models.js";
import { checkRequiredCycles } from "./rules/check-required-cycles.js";
import type { Result, ServiceRequest, ValidationError } from "./service-request.js";

/**
 * Validate a request already read into plain data (from YAML or the issue form). The schema
 * and the cross-field rules both run, so every problem is reported at once.
 */
export function validateRequest(raw: Record<string, unknown>): Result<ServiceRequest> {
  const parsed = requestSchema.safeParse(raw, { reportInput: true });
  const errors: ValidationError[] = [
    ...(parsed.success ? [] : formatIssues(parsed.error.issues, requestSchema)),
    ...checkIdentity(raw),
    ...checkModels(raw),
    ...checkRequiredCycles(raw),
    ...checkApi(raw),
    ...checkDeploy(raw),
  ];
  if (errors.length > 0 || !parsed.success)
    return { ok: false, errors: revealErrors(sortErrors(errors)) };
  return { ok: true, value: normalizeRequest(parsed.data) };
}

/** Parse and validate `.devportal.yml` text. `source` names it in messages. */
export function parseRequest(text: string, source = ".devportal.yml"): Result<ServiceRequest> {
  const document = parseYamlDocument(text, source);
  return document.ok ? validateRequest(document.value) : document;
}

/** Errors in document order (top-level key, then model), so messages read top to bottom;
 * errors of one place keep the order the checks found them in. */
function sortErrors(errors: ValidationError[]): ValidationError[] {
  const order = [
    "service",
    "description",
    "project",
    "app",
    "cors",
    "ci",
    "models",
    "api",
    "deploy",
  ];
  const rank = (path: string) => {
    const index = order.indexOf(path.split(/[.[]/)[0] ?? "");
    const model = /^models\[(\d+)\]/.exec(path)?.[1];
    return (index === -1 ? order.length : index) * 1000 + (model ? Number(model) : 0);
  };
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => rank(a.error.path) - rank(b.error.path) || a.index - b.index)
    .map(({ error }) => error);
}

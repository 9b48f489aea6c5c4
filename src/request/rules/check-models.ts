import { pluralKebab } from "../naming.js";
import type { ValidationError } from "../service-request.js";
import { checkField } from "./check-field.js";
import {
  IMPORTED_NAMES,
  PASCAL_CASE,
  PYTHON_KEYWORDS,
  RESERVED_FIELD_NAMES,
  SNAKE_CASE,
} from "./python-names.js";
import { asArray, asRecord, asString } from "./raw-access.js";

export const MAX_MODELS = 100;
export const MAX_FIELDS = 100;

/** Rules across models: names, uniqueness, routes, and each field in its model's context. */
export function checkModels(raw: Record<string, unknown>): ValidationError[] {
  const errors: ValidationError[] = [];
  const models = asArray(raw.models);
  const names = models.map((m) => asString(asRecord(m)?.name)).filter((n) => n !== undefined);
  const seenNames = new Map<string, number>();
  const seenRoutes = new Map<string, string>();

  models.forEach((value, index) => {
    const model = asRecord(value);
    const name = asString(model?.name);
    const at = `models[${index}]`;
    if (name !== undefined) {
      const problem = modelNameProblem(name);
      if (problem) errors.push({ path: `${at}.name`, message: problem });
      const key = name.toLowerCase();
      const first = seenNames.get(key);
      if (first !== undefined) {
        errors.push({
          path: `${at}.name`,
          message: `"${name}" is already the name of models[${first}] (names are compared ignoring case): rename one`,
        });
      } else {
        seenNames.set(key, index);
        const route = pluralKebab(name);
        const owner = seenRoutes.get(route);
        if (owner && !problem) {
          errors.push({
            path: `${at}.name`,
            message: `"${name}" and "${owner}" would both be served at /api/${route}/: rename one`,
          });
        } else seenRoutes.set(route, name);
      }
    }
    const fields = asRecord(model?.fields);
    if (!fields) return;
    const entries = Object.entries(fields);
    if (entries.length === 0) {
      errors.push({ path: `${at}.fields`, message: "add at least one field (e.g. name: string)" });
    }
    if (entries.length > MAX_FIELDS) {
      errors.push({
        path: `${at}.fields`,
        message: `has ${entries.length} fields; the limit is ${MAX_FIELDS}: split the model`,
      });
    }
    const fieldNames = new Set(Object.keys(fields));
    for (const [fieldName, field] of entries) {
      const path = `${at}.fields.${fieldName}`;
      const nameProblem = fieldNameProblem(fieldName);
      if (nameProblem) errors.push({ path, message: nameProblem });
      errors.push(...checkField({ path, field, models: names }));
      // A foreign key `order` owns the column and attribute `order_id`.
      const spec = asRecord(field);
      if (spec?.type === "foreign_key" && fieldNames.has(`${fieldName}_id`)) {
        errors.push({
          path: `${at}.fields.${fieldName}_id`,
          message: `clashes with the column of the foreign key "${fieldName}" (Django names it ${fieldName}_id): rename it`,
        });
      }
    }
  });
  if (models.length > MAX_MODELS) {
    errors.push({
      path: "models",
      message: `has ${models.length} models; the limit is ${MAX_MODELS}: split the service`,
    });
  }
  if (Array.isArray(raw.models) && models.length === 0) {
    errors.push({ path: "models", message: "add at least one model" });
  }
  return errors;
}

function modelNameProblem(name: string): string | undefined {
  if (!PASCAL_CASE.test(name)) {
    return `"${name}" is not PascalCase: start with a capital letter, then letters and digits (e.g. LineItem)`;
  }
  if (PYTHON_KEYWORDS.has(name)) return `"${name}" is a Python keyword: choose another name`;
  if (/(Serializer|ViewSet)$/.test(name)) {
    return `"${name}" ends like the classes generated for each model: choose another name`;
  }
  return undefined;
}

function fieldNameProblem(name: string): string | undefined {
  if (!SNAKE_CASE.test(name)) {
    return `"${name}" is not snake_case: use lowercase letters and digits separated by single underscores (e.g. placed_at)`;
  }
  if (PYTHON_KEYWORDS.has(name)) return `"${name}" is a Python keyword: choose another name`;
  if (IMPORTED_NAMES.has(name)) {
    return `"${name}" would hide the module ${name} that the generated code imports, and the service could not start: rename the field (e.g. ${name}_value)`;
  }
  if (RESERVED_FIELD_NAMES.has(name)) {
    return name === "id" || name === "pk"
      ? `"${name}" is added by Django itself: remove it`
      : `"${name}" is an attribute of every Django model: choose another name`;
  }
  return undefined;
}

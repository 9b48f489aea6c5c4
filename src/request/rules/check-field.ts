import {
  COMMON_OPTIONS,
  FIELD_TYPES,
  type FieldType,
  INTEGER_TYPES,
  NO_UNIQUE_TYPES,
  NUMERIC_TYPES,
  STRING_TYPES,
  TYPE_OPTIONS,
} from "../field-types.js";
import type { ValidationError } from "../service-request.js";
import { didYouMeanSuffix } from "./did-you-mean.js";
import { asNumber, asRecord, asString } from "./raw-access.js";

/** Defaults make no sense for these: say what to use instead. */
const NO_DEFAULT: Partial<Record<FieldType, string>> = {
  date: "use auto_now_add: true, or required: false",
  datetime: "use auto_now_add: true, or required: false",
  uuid: "use required: false, or let clients send one",
  json: "use required: false",
  foreign_key: "use required: false",
};

/** Rules of one field that the schema cannot express: which options its type takes, and
 * how they relate. `models` lists the request's model names for `to`. */
export function checkField(params: {
  path: string;
  field: unknown;
  models: readonly string[];
}): ValidationError[] {
  const { path, models } = params;
  const spec = asRecord(params.field);
  const type = asString(spec?.type) ?? asString(params.field);
  if (!type || !(FIELD_TYPES as readonly string[]).includes(type)) return [];
  const fieldType = type as FieldType;
  if (!spec) {
    return fieldType === "foreign_key"
      ? [
          {
            path,
            message: "a foreign_key needs a target: write { type: foreign_key, to: <Model> }",
          },
        ]
      : [];
  }
  const errors: ValidationError[] = [];
  const allowed = [...COMMON_OPTIONS, ...TYPE_OPTIONS[fieldType]];
  for (const key of Object.keys(spec)) {
    if (allowed.includes(key)) continue;
    // Unknown keys are the schema's to report; here only known options on the wrong type.
    if (isKnownOption(key)) {
      errors.push({
        path: `${path}.${key}`,
        message: `${fieldType} fields do not take ${key}; they take ${allowed.slice(1).join(", ")}`,
      });
    }
  }
  if (spec.unique === true && NO_UNIQUE_TYPES.includes(fieldType)) {
    errors.push({ path: `${path}.unique`, message: `${fieldType} fields cannot be unique` });
  }
  if (spec.unique === true && fieldType === "foreign_key") {
    errors.push({
      path: `${path}.unique`,
      message: "a unique foreign key is a one-to-one relation, which requests do not support yet",
    });
  }
  errors.push(...checkNumbers(path, fieldType, spec));
  errors.push(...checkDefault(path, fieldType, spec));
  if (spec.auto_now === true && spec.auto_now_add === true) {
    errors.push({
      path: `${path}.auto_now`,
      message: "auto_now and auto_now_add exclude each other: keep one",
    });
  }
  if (fieldType === "foreign_key") errors.push(...checkForeignKey(path, spec, models));
  return errors;
}

function isKnownOption(key: string): boolean {
  return Object.values(TYPE_OPTIONS).some((options) => options.includes(key));
}

/**
 * Numbers are refused beyond 2^53 rather than carried as strings: YAML and JSON readers turn
 * them into JavaScript numbers, which past 2^53 have already lost digits, so what the person
 * wrote could not be rendered as written anyway (12345678901234567890 reads back as
 * ...7000). No bound or default a CRUD service needs comes near it.
 */
const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

/** The column ranges Django's integer fields store on every database the portal supports. */
const COLUMN_RANGE: Partial<Record<FieldType, [number, number]>> = {
  integer: [-2147483648, 2147483647],
  big_integer: [-SAFE_LIMIT, SAFE_LIMIT],
};

/** A number's problem as a bound or default of a `type` field, or undefined. */
function numberProblem(type: FieldType, value: number): string | undefined {
  const range = COLUMN_RANGE[type];
  if (range && Number.isInteger(value) && (value < range[0] || value > range[1])) {
    return type === "integer"
      ? `${value} does not fit an integer column (${range[0]} to ${range[1]}): use big_integer, or a smaller number`
      : `${value} is beyond ±${SAFE_LIMIT} (2^53 - 1), where numbers lose digits: use a smaller number`;
  }
  if (Math.abs(value) > SAFE_LIMIT) {
    return `${value} is beyond ±${SAFE_LIMIT} (2^53 - 1), where numbers lose digits: use a smaller number`;
  }
  return undefined;
}

function checkNumbers(path: string, type: FieldType, spec: Record<string, unknown>) {
  const errors: ValidationError[] = [];
  for (const key of ["min", "max", "default"] as const) {
    const value = asNumber(spec[key]);
    const problem = value === undefined ? undefined : numberProblem(type, value);
    if (problem && NUMERIC_TYPES.includes(type))
      errors.push({ path: `${path}.${key}`, message: problem });
  }
  if (errors.length > 0) return errors;
  const min = asNumber(spec.min);
  const max = asNumber(spec.max);
  if (min !== undefined && max !== undefined && min > max) {
    errors.push({ path: `${path}.min`, message: `min (${min}) is greater than max (${max})` });
  }
  if (INTEGER_TYPES.includes(type)) {
    for (const key of ["min", "max"] as const) {
      const value = asNumber(spec[key]);
      if (value !== undefined && !Number.isInteger(value)) {
        errors.push({ path: `${path}.${key}`, message: `${type} bounds must be whole numbers` });
      }
    }
  }
  if (type === "decimal") {
    const digits = asNumber(spec.max_digits) ?? 10;
    const places = asNumber(spec.decimal_places) ?? 2;
    if (places > digits) {
      errors.push({
        path: `${path}.decimal_places`,
        message: `decimal_places (${places}) exceeds max_digits (${digits}): max_digits counts all digits, so it must be >= decimal_places`,
      });
    }
    // A default the column cannot hold fails every insert that relies on it.
    const fallback = asNumber(spec.default);
    if (
      places <= digits &&
      fallback !== undefined &&
      Math.abs(fallback) >= 10 ** (digits - places)
    ) {
      errors.push({
        path: `${path}.default`,
        message: `${fallback} does not fit max_digits ${digits} with decimal_places ${places} (at most ${digits - places} digits before the point): raise max_digits, or use a smaller default`,
      });
    }
  }
  return errors;
}

function checkDefault(path: string, type: FieldType, spec: Record<string, unknown>) {
  if (!("default" in spec)) return [];
  const value = spec.default;
  const at = `${path}.default`;
  const instead = NO_DEFAULT[type];
  if (instead) return [{ path: at, message: `${type} fields take no default: ${instead}` }];
  if (value === null) {
    return spec.required === false
      ? []
      : [{ path: at, message: "null is only a default of fields with required: false" }];
  }
  if (STRING_TYPES.includes(type)) {
    if (typeof value !== "string")
      return [{ path: at, message: `expected a string default for a ${type} field` }];
    const limit = asNumber(spec.max_length);
    if (limit !== undefined && value.length > limit) {
      return [
        { path: at, message: `is ${value.length} characters, longer than max_length ${limit}` },
      ];
    }
    return [];
  }
  if (type === "boolean") {
    return typeof value === "boolean" ? [] : [{ path: at, message: "expected true or false" }];
  }
  if (NUMERIC_TYPES.includes(type)) {
    if (typeof value !== "number")
      return [{ path: at, message: `expected a number default for a ${type} field` }];
    if (INTEGER_TYPES.includes(type) && !Number.isInteger(value)) {
      return [{ path: at, message: `expected a whole number for a ${type} field` }];
    }
    if (numberProblem(type, value)) return []; // reported with the bounds

    const min = asNumber(spec.min);
    const max = asNumber(spec.max);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      return [{ path: at, message: `${value} is outside min/max` }];
    }
  }
  return [];
}

function checkForeignKey(path: string, spec: Record<string, unknown>, models: readonly string[]) {
  const errors: ValidationError[] = [];
  const to = asString(spec.to);
  if (to === undefined && spec.to === undefined) {
    errors.push({
      path: `${path}.to`,
      message: "required — the model this foreign key references",
    });
  } else if (to !== undefined && !models.includes(to)) {
    errors.push({
      path: `${path}.to`,
      message: `unknown model "${to}"${didYouMeanSuffix(to, models) || ` — models of this request: ${models.join(", ")}`}`,
    });
  }
  if (spec.on_delete === "set_null" && spec.required !== false) {
    errors.push({
      path: `${path}.on_delete`,
      message: "set_null needs a nullable key: add required: false",
    });
  }
  return errors;
}

import type { FieldType, OnDelete } from "../../request/field-types.js";
import type { Field } from "../../request/service-request.js";
import { pyDecimal, pyNumber, pyString } from "../python/python-literal.js";

/** The Django model field class of each request type. */
export const DJANGO_FIELD_CLASS: Record<FieldType, string> = {
  string: "CharField",
  text: "TextField",
  integer: "IntegerField",
  big_integer: "BigIntegerField",
  float: "FloatField",
  decimal: "DecimalField",
  boolean: "BooleanField",
  date: "DateField",
  datetime: "DateTimeField",
  email: "EmailField",
  url: "URLField",
  uuid: "UUIDField",
  json: "JSONField",
  slug: "SlugField",
  foreign_key: "ForeignKey",
};

const ON_DELETE: Record<OnDelete, string> = {
  cascade: "models.CASCADE",
  protect: "models.PROTECT",
  set_null: "models.SET_NULL",
  restrict: "models.RESTRICT",
};

/** Types stored as text, where Django's convention for "optional" is blank="" not NULL. */
const TEXT_TYPES: readonly FieldType[] = ["string", "text", "email", "url", "slug"];

/** Python modules a field expression refers to, so files import exactly what they use. */
export interface FieldImports {
  validators: boolean;
  decimal: boolean;
}

/**
 * The Python expression declaring one field, e.g.
 * `models.DecimalField(max_digits=10, decimal_places=2, validators=[...])`.
 *
 * models.py and the initial migration both use this one function, so the migration agrees
 * with the models by construction and `makemigrations --check` finds nothing. `target` is how
 * a foreign key names its model: the class name in models.py, `"<app>.<model>"` in migrations.
 * `relatedName` is chosen by the caller, which sees every model.
 */
export function djangoField(params: { field: Field; target?: string; relatedName?: string }): {
  code: string;
  imports: FieldImports;
} {
  const { field } = params;
  const imports: FieldImports = { validators: false, decimal: false };
  const args: string[] = [];
  if (field.type === "foreign_key") {
    args.push(pyString(params.target ?? field.to ?? ""));
    args.push(`on_delete=${ON_DELETE[field.on_delete ?? "cascade"]}`);
    if (params.relatedName) args.push(`related_name=${pyString(params.relatedName)}`);
  }
  if (field.max_length !== undefined) args.push(`max_length=${field.max_length}`);
  if (field.type === "decimal") {
    args.push(
      `max_digits=${field.max_digits ?? 10}`,
      `decimal_places=${field.decimal_places ?? 2}`,
    );
  }
  if (field.auto_now) args.push("auto_now=True");
  if (field.auto_now_add) args.push("auto_now_add=True");
  args.push(...optionality(field));
  if (field.unique) args.push("unique=True");
  if (field.default !== undefined && field.default !== null) {
    args.push(`default=${defaultLiteral(field, imports)}`);
  }
  if (field.help_text) args.push(`help_text=${pyString(field.help_text)}`);
  const bounds = validatorsOf(field, imports);
  if (bounds.length > 0) args.push(`validators=[${bounds.join(", ")}]`);
  return { code: `models.${DJANGO_FIELD_CLASS[field.type]}(${args.join(", ")})`, imports };
}

/**
 * What an optional field stores when the client sends nothing.
 *
 * A field with a default or a server-set time is optional for clients (the request layer
 * marks it not required) but always has a value: no NULL. Text columns that may be empty
 * store "" (Django's advice: one empty value, not two), except unique ones, where many empty
 * strings would collide, so they store NULL (NULLs never collide). Other types store NULL.
 */
function optionality(field: Field): string[] {
  if (field.auto_now || field.auto_now_add) return [];
  const text = TEXT_TYPES.includes(field.type);
  if (field.default !== undefined && field.default !== null) return text ? ["blank=True"] : [];
  if (field.required) return [];
  if (text && !field.unique) return ["blank=True", 'default=""'];
  return ["blank=True", "null=True"];
}

function defaultLiteral(field: Field, imports: FieldImports): string {
  const value = field.default;
  if (typeof value === "string") return pyString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number" && field.type === "decimal") {
    imports.decimal = true;
    return pyDecimal(value.toFixed(field.decimal_places ?? 2));
  }
  if (typeof value === "number" && field.type === "float") return floatLiteral(value);
  return pyNumber(value as number);
}

function validatorsOf(field: Field, imports: FieldImports): string[] {
  const bounds: string[] = [];
  for (const [key, validator] of [
    ["min", "MinValueValidator"],
    ["max", "MaxValueValidator"],
  ] as const) {
    const limit = field[key];
    if (limit === undefined) continue;
    imports.validators = true;
    bounds.push(`validators.${validator}(${boundLiteral(field, limit, imports)})`);
  }
  return bounds;
}

/** Bounds in the field's own Python type: DRF warns on float bounds of a DecimalField, and
 * comparing a Decimal with a float is inexact. */
function boundLiteral(field: Field, limit: number, imports: FieldImports): string {
  if (field.type === "decimal") {
    imports.decimal = true;
    return pyDecimal(pyNumber(limit));
  }
  if (field.type === "float") return floatLiteral(limit);
  return pyNumber(limit);
}

/** `1` -> `1.0`, so a float field's default and bounds are floats in Python too. */
function floatLiteral(value: number): string {
  const text = pyNumber(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

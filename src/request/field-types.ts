/**
 * The field types a request may use, and which options each accepts. One table drives the
 * schema, the validation messages and the Django renderer, so adding a type is one edit here
 * plus its Django mapping in render/.
 */
export const FIELD_TYPES = [
  "string",
  "text",
  "integer",
  "big_integer",
  "float",
  "decimal",
  "boolean",
  "date",
  "datetime",
  "email",
  "url",
  "uuid",
  "json",
  "slug",
  "foreign_key",
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export const ON_DELETE = ["cascade", "protect", "set_null", "restrict"] as const;
export type OnDelete = (typeof ON_DELETE)[number];

/** Options every field accepts. */
export const COMMON_OPTIONS = ["type", "required", "unique", "default", "help_text"] as const;

/** Options only some types accept, by type. */
export const TYPE_OPTIONS: Record<FieldType, readonly string[]> = {
  string: ["max_length"],
  text: [],
  integer: ["min", "max"],
  big_integer: ["min", "max"],
  float: ["min", "max"],
  decimal: ["max_digits", "decimal_places", "min", "max"],
  boolean: [],
  date: ["auto_now", "auto_now_add"],
  datetime: ["auto_now", "auto_now_add"],
  email: ["max_length"],
  url: ["max_length"],
  uuid: [],
  json: [],
  slug: ["max_length"],
  foreign_key: ["to", "on_delete"],
};

/** Django's own defaults for length-bounded types, so the migration and the model agree. */
export const DEFAULT_MAX_LENGTH: Partial<Record<FieldType, number>> = {
  string: 255,
  email: 254,
  url: 200,
  slug: 50,
};

export const NUMERIC_TYPES: readonly FieldType[] = ["integer", "big_integer", "float", "decimal"];
export const INTEGER_TYPES: readonly FieldType[] = ["integer", "big_integer"];

/** Types whose column cannot carry a UNIQUE constraint usefully (or portably). */
export const NO_UNIQUE_TYPES: readonly FieldType[] = ["json", "boolean", "text"];

/** Types whose `default` is a string. */
export const STRING_TYPES: readonly FieldType[] = [
  "string",
  "text",
  "email",
  "url",
  "slug",
  "uuid",
];

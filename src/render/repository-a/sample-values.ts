import type { Field, Model } from "../../request/service-request.js";
import type { JsonValue } from "../python/python-literal.js";

/**
 * Example values for a model's fields, as the JSON an API client sends. The generated tests
 * and the portal's own real-HTTP tests both use them, so they must satisfy every option of
 * the field (max_length, min/max, max_digits/decimal_places) and differ between variants,
 * so that the rows of one test never collide on unique fields.
 *
 * Django's model fields also accept these JSON forms (`"12.50"`, ISO dates, UUID strings)
 * and convert them on save, so one value serves the ORM and the HTTP API alike.
 */
export function sampleValue(field: Field, variant: number): JsonValue {
  switch (field.type) {
    case "string":
      return truncate(`${variant}-${field.name.replace(/_/g, " ")} sample`, field.max_length);
    case "text":
      return `Sample ${field.name} ${variant}: "quoted", 'single', ünïcödé.`;
    case "slug":
      return truncate(`${variant}-${field.name.replace(/_/g, "-")}`, field.max_length);
    case "email":
      return `user${variant}@example.com`;
    case "url":
      return `https://example.com/${variant}`;
    case "uuid":
      return `00000000-0000-4000-8000-${String(variant + 1).padStart(12, "0")}`;
    case "json":
      return { variant, tags: ["a", "b"], nested: { ok: true } };
    case "boolean":
      return variant % 2 === 0;
    case "date":
      return `2024-01-${String(variant + 1).padStart(2, "0")}`;
    case "datetime":
      return `2024-01-${String(variant + 1).padStart(2, "0")}T10:30:00Z`;
    case "integer":
      return integerIn(field, 10, variant);
    case "big_integer":
      // Past 2^31, to prove the column really is 64-bit.
      return integerIn(field, 3_000_000_000, variant);
    case "float":
      return numberIn(field, 10.5, variant);
    case "decimal":
      return decimalSample(field, variant);
    case "foreign_key":
      throw new Error(`${field.name}: a foreign key's value is a row id, not a sample`);
  }
}

/** Fields an API client writes: everything but keys to other rows and server-set times. */
export function writableFields(model: Model): Field[] {
  return model.fields.filter((f) => f.type !== "foreign_key" && !f.auto_now && !f.auto_now_add);
}

/** A create/update body: every writable field, plus `refs` (row ids of required keys). */
export function samplePayload(
  model: Model,
  variant: number,
  refs: Record<string, number> = {},
): Record<string, JsonValue> {
  const payload: Record<string, JsonValue> = {};
  for (const field of model.fields) {
    if (field.type === "foreign_key") {
      const ref = refs[field.name];
      if (ref !== undefined) payload[field.name] = ref;
    } else if (!field.auto_now && !field.auto_now_add) {
      payload[field.name] = sampleValue(field, variant);
    }
  }
  return payload;
}

/** Keys a row cannot be created without: the parents a test must create first. */
export function requiredKeys(model: Model): Field[] {
  return model.fields.filter((f) => f.type === "foreign_key" && f.required);
}

function truncate(text: string, maxLength = 255): string {
  return text.slice(0, maxLength);
}

function integerIn(field: Field, preferred: number, variant: number): number {
  const low = field.min !== undefined ? Math.ceil(field.min) : undefined;
  // Validation keeps bounds within ±2^53; the variant must not step past the top either.
  const high = field.max !== undefined ? Math.floor(field.max) : Number.MAX_SAFE_INTEGER;
  return Math.min(clamp(preferred, low, high - 3) + variant, high);
}

function numberIn(field: Field, preferred: number, variant: number): number {
  const high = field.max ?? Number.MAX_SAFE_INTEGER;
  return Math.min(clamp(preferred, field.min, high - 3) + variant, high);
}

/** A decimal string with exactly decimal_places digits after the point and at most
 * max_digits in all, inside min/max. */
function decimalSample(field: Field, variant: number): string {
  const places = field.decimal_places ?? 2;
  const digits = field.max_digits ?? 10;
  const step = 10 ** -places;
  const largest = 10 ** (digits - places) - step;
  const high = Math.min(largest, field.max ?? largest);
  const low = field.min ?? -largest;
  // Prefer 12.5 (or the biggest value that fits), minus a few steps of headroom for variants.
  const base = clamp(Math.min(12.5, high - 3 * step), low, high - 3 * step);
  return (base + variant * step).toFixed(places);
}

function clamp(value: number, low?: number, high?: number): number {
  let result = value;
  if (high !== undefined && result > high) result = high;
  if (low !== undefined && result < low) result = low;
  return result;
}

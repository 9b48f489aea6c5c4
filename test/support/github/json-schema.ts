/**
 * The subset of JSON Schema (OpenAPI 3.0 flavour, with `nullable`) that GitHub's request
 * bodies use: enough to reject a body GitHub would refuse, no more. Unknown keywords were
 * stripped by scripts/extract-openapi-operations.mjs.
 */
export interface Schema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Problems of `value` against `schema`, each prefixed with its JSON path; [] when valid. */
export function validateSchema(schema: Schema, value: unknown, at = "body"): string[] {
  if (value === null)
    return schema.nullable || schema.type === "null" ? [] : [`${at}: null is not allowed`];
  const problems: string[] = [];
  if (schema.allOf)
    for (const sub of schema.allOf) problems.push(...validateSchema(sub, value, at));
  for (const [keyword, list] of [
    ["oneOf", schema.oneOf],
    ["anyOf", schema.anyOf],
  ] as const) {
    if (!list) continue;
    const matching = list.filter((sub) => validateSchema(sub, value, at).length === 0).length;
    // oneOf is checked as anyOf: GitHub's alternatives overlap (labels: a list of names or
    // an object with `labels`), and GitHub itself accepts the first that fits.
    if (matching === 0) {
      problems.push(`${at}: matches ${matching} of the ${list.length} ${keyword} alternatives`);
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.type && !hasType(schema.type, value)) {
    return [...problems, `${at}: expected ${schema.type}, got ${JSON.stringify(value)}`];
  }
  if (typeof value === "string") {
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value))
      problems.push(`${at}: does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${at}: more than ${schema.maxItems} items`);
    const items = schema.items;
    if (items) {
      for (const [index, item] of value.entries()) {
        problems.push(...validateSchema(items, item, `${at}[${index}]`));
      }
    }
  } else if (typeof value === "object") {
    problems.push(...validateObject(schema, value as Record<string, unknown>, at));
  }
  return problems;
}

function validateObject(schema: Schema, value: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in value)) problems.push(`${at}.${name}: required`);
  }
  for (const [name, item] of Object.entries(value)) {
    const property = schema.properties?.[name];
    if (property) problems.push(...validateSchema(property, item, `${at}.${name}`));
    else if (schema.additionalProperties === false)
      problems.push(`${at}.${name}: not a known property`);
    else if (typeof schema.additionalProperties === "object") {
      problems.push(...validateSchema(schema.additionalProperties, item, `${at}.${name}`));
    } else if (schema.properties && !schema.additionalProperties) {
      // GitHub's schemas rarely say additionalProperties: false, yet GitHub ignores or refuses
      // unknown keys; a key the description does not name is a bug in the caller either way.
      problems.push(`${at}.${name}: not in GitHub's description of this body`);
    }
  }
  return problems;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

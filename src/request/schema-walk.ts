import type { z } from "zod";

// zod 4 keeps a schema's definition at `_zod.def`; this is the small, stable part of it that
// error messages need (which keys an object allows, what a key is for).
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Unwrap optional/default/nullable/pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    const inner = d.innerType ?? (d.type === "pipe" ? d.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

/** The schema that validates the value at `path`, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    const d = def(unwrap(current));
    if (d.type === "object") current = d.shape?.[String(segment)];
    else if (d.type === "array") current = d.element;
    else if (d.type === "record") current = d.valueType;
    else if (d.type === "union") {
      current = d.options?.map((o) => unwrap(o)).find((o) => def(o).type === "object");
      if (current) current = def(current).shape?.[String(segment)];
    } else return undefined;
  }
  return current;
}

/** The keys an object schema at `path` allows (empty when it is not an object). */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const schema = schemaAt(root, path);
  if (!schema) return [];
  let d = def(unwrap(schema));
  if (d.type === "union") {
    const object = d.options?.map((o) => unwrap(o)).find((o) => def(o).type === "object");
    if (!object) return [];
    d = def(object);
  }
  return d.type === "object" ? Object.keys(d.shape ?? {}) : [];
}

/** The `.describe()` text of the schema at `path`, used to say what a missing key is for. */
export function descriptionAt(root: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  const schema = schemaAt(root, path);
  return schema?.description ?? (schema ? unwrap(schema).description : undefined);
}

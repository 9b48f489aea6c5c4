const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `["models", 1, "fields", "order", "to"]` -> `models[1].fields.order.to`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

import { PYTHON_IDENTIFIER, PYTHON_KEYWORDS, SHADOWED_MODULES } from "./python-names.js";

/**
 * Why `name` cannot be a Python package of the generated service, or undefined if it can.
 * Lowercase is required: Django packages are lowercase by convention and a case-insensitive
 * file system would otherwise let two names collide.
 */
export function packageNameProblem(name: string): string | undefined {
  if (!PYTHON_IDENTIFIER.test(name) || name !== name.toLowerCase() || /^_/.test(name)) {
    return `"${name}" is not a lowercase Python identifier: use letters, digits and _, starting with a letter (e.g. orders_api)`;
  }
  if (PYTHON_KEYWORDS.has(name)) return `"${name}" is a Python keyword: choose another name`;
  if (SHADOWED_MODULES.has(name)) {
    return `"${name}" would shadow a module the service imports: choose another name`;
  }
  return undefined;
}

/** Name transformations shared by validation (to detect clashes) and rendering. */

/** `LineItem` -> `line_item`. */
export function snakeCase(pascal: string): string {
  return pascal
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** English plural of a lowercase word, the simple regular rules: routes stay predictable. */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `LineItem` -> `line-items`: the model's route under /api/. */
export function pluralKebab(pascal: string): string {
  return pluralize(snakeCase(pascal)).replace(/_/g, "-");
}

/** `owner/name`, or a bare `name` owned by `defaultOwner`, as its two parts: the one place a
 * repository reference is split. */
export function splitRepositoryName(
  reference: string,
  defaultOwner = "",
): { owner: string; repo: string } {
  const slash = reference.indexOf("/");
  if (slash === -1) return { owner: defaultOwner, repo: reference };
  return { owner: reference.slice(0, slash), repo: reference.slice(slash + 1) };
}

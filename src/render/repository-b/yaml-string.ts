/**
 * A string as a YAML scalar in JSON-style double quotes. JSON strings are valid YAML flow
 * scalars, so whatever a value contains (`: `, `#`, quotes, a leading `*` or `{`, newlines)
 * it reads back as the same string and can never open a new key or document.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Schema, validateSchema } from "./json-schema.js";

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { required: boolean; schema: Schema };
}

const FIXTURE = join(
  import.meta.dirname,
  "..",
  "..",
  "fixtures",
  "github",
  "openapi-operations.json",
);

/** GitHub's REST description, reduced to the operations the app may call
 * (scripts/extract-openapi-operations.mjs writes it from @octokit/openapi). */
export const OPERATIONS: readonly Operation[] = (
  JSON.parse(readFileSync(FIXTURE, "utf8")) as { operations: Operation[] }
).operations;

const compiled = OPERATIONS.map((operation) => ({
  operation,
  // `{path}` of the contents API and `{ref}` of the refs API may hold slashes.
  pattern: new RegExp(
    `^${operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === "path" || name === "ref" ? "(.+)" : "([^/]+)"))}$`,
  ),
}));

export interface Matched {
  operation: Operation;
  params: Record<string, string>;
}

/** The operation a request is, or undefined when GitHub's description has no such operation. */
export function matchOperation(method: string, pathname: string): Matched | undefined {
  for (const { operation, pattern } of compiled) {
    if (operation.method !== method) continue;
    const match = pattern.exec(pathname);
    if (!match) continue;
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
    const params = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    return { operation, params };
  }
  return undefined;
}

/** Problems of a request against its operation: unknown or invalid query parameters, a
 * missing or invalid body. */
export function checkRequest(matched: Matched, query: URLSearchParams, body: unknown): string[] {
  const { operation } = matched;
  const problems: string[] = [];
  const declared = new Map(operation.parameters.map((p) => [`${p.in}:${p.name}`, p]));
  for (const [name, value] of query) {
    const parameter = declared.get(`query:${name}`);
    if (!parameter) {
      problems.push(`query parameter ${name} is not in the description`);
      continue;
    }
    const typed =
      parameter.schema.type === "integer" || parameter.schema.type === "number"
        ? Number(value)
        : parameter.schema.type === "boolean"
          ? value === "true"
          : value;
    problems.push(...validateSchema(parameter.schema, typed, `query.${name}`));
  }
  for (const parameter of operation.parameters) {
    if (parameter.in === "query" && parameter.required && !query.has(parameter.name)) {
      problems.push(`query parameter ${parameter.name} is required`);
    }
  }
  if (operation.requestBody) {
    if (body === undefined) {
      if (operation.requestBody.required) problems.push("request body is required");
    } else {
      problems.push(...validateSchema(operation.requestBody.schema, body));
    }
  } else if (body !== undefined && operation.method !== "GET" && operation.method !== "DELETE") {
    problems.push("this operation takes no request body");
  }
  return problems.map((problem) => `${operation.method} ${operation.path}: ${problem}`);
}

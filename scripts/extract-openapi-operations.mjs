#!/usr/bin/env node
/**
 * Extract the GitHub REST operations Dev Portal calls from GitHub's OpenAPI description into
 * test/fixtures/github/openapi-operations.json, which the GitHub double validates every request
 * against. The full description ships in @octokit/openapi (about 385 MB unpacked), too heavy
 * for CI, so the few operations we need are committed instead:
 *
 *   npm pack @octokit/openapi && tar xzf octokit-openapi-*.tgz
 *   node scripts/extract-openapi-operations.mjs package/generated/api.github.com.json
 *
 * Adding a GitHub call to the app means adding its operation here and re-running the script;
 * the flow tests fail on any request outside the fixture.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** "METHOD /path/template" of every operation the app (parts 1 and 2) uses. */
const OPERATIONS = [
  "POST /app/installations/{installation_id}/access_tokens",
  "GET /app/installations",
  "GET /installation/repositories",
  "GET /app/hook/deliveries",
  "POST /app/hook/deliveries/{delivery_id}/attempts",
  "GET /users/{username}",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
  "GET /orgs/{org}/teams/{team_slug}/memberships/{username}",
  "POST /orgs/{org}/repos",
  "GET /repos/{owner}/{repo}",
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
  "GET /repos/{owner}/{repo}/contents/{path}",
  "PUT /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/git/ref/{ref}",
  "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
  "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
  "POST /repos/{owner}/{repo}/git/commits",
  "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
  "POST /repos/{owner}/{repo}/git/trees",
  "POST /repos/{owner}/{repo}/git/blobs",
  "GET /repos/{owner}/{repo}/actions/secrets",
  "GET /repos/{owner}/{repo}/actions/secrets/public-key",
  "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs",
  "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs",
  "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}",
  "GET /repos/{owner}/{repo}/issues",
  "POST /repos/{owner}/{repo}/issues",
  "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
  "GET /repos/{owner}/{repo}/pulls",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "PATCH /repos/{owner}/{repo}/comments/{comment_id}",
  // Deploy reports (Argo CD answers through deployment statuses), access and labels.
  "GET /repos/{owner}/{repo}/deployments",
  "POST /repos/{owner}/{repo}/deployments",
  "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
  "PUT /repos/{owner}/{repo}/collaborators/{username}",
  "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}",
  "GET /repos/{owner}/{repo}/labels/{name}",
  "POST /repos/{owner}/{repo}/labels",
  // Trust boundaries: the app's own identity (to believe only its own comments), the
  // reaction that acknowledges a command.
  "GET /app",
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
];

/** Keywords the double's validator understands; documentation (description, examples) is
 * dropped so the fixture stays small and reviewable. */
const KEPT = new Set([
  "type",
  "nullable",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "oneOf",
  "anyOf",
  "allOf",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "minItems",
  "maxItems",
]);

const source = process.argv[2];
if (!source) {
  console.error("usage: extract-openapi-operations.mjs <path to generated/api.github.com.json>");
  process.exit(2);
}
const api = JSON.parse(readFileSync(source, "utf8"));

function resolve(node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((item) => resolve(item, seen));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (seen.has(node.$ref)) throw new Error(`recursive $ref ${node.$ref}`);
    const target = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], api);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    return resolve(target, new Set([...seen, node.$ref]));
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, resolve(value, seen)]),
  );
}

function schemaOnly(schema) {
  if (Array.isArray(schema)) return schema.map(schemaOnly);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, schemaOnly(sub)]),
      );
    } else if (
      typeof value === "object" &&
      value !== null &&
      key !== "enum" &&
      key !== "required"
    ) {
      out[key] = schemaOnly(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

const operations = OPERATIONS.map((line) => {
  const [method, path] = line.split(" ");
  const operation = api.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${line} is not in ${source}`);
  const resolved = resolve(operation);
  const body = resolved.requestBody?.content?.["application/json"]?.schema;
  return {
    method,
    path,
    operationId: resolved.operationId,
    parameters: (resolved.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: schemaOnly(parameter.schema ?? {}),
    })),
    ...(body
      ? {
          requestBody: {
            required: resolved.requestBody.required === true,
            schema: schemaOnly(body),
          },
        }
      : {}),
  };
});

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "test",
  "fixtures",
  "github",
  "openapi-operations.json",
);
const document = {
  source: "@octokit/openapi generated/api.github.com.json",
  apiVersion: api.info.version,
  openapi: api.openapi,
  operations,
};
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${operations.length} operations to ${out}`);

import type { z } from "zod";
import { formatPath } from "./format-path.js";
import { didYouMeanSuffix } from "./rules/did-you-mean.js";
import { descriptionAt, knownKeysAt } from "./schema-walk.js";
import type { ValidationError } from "./service-request.js";

type Issue = z.core.$ZodIssue;

/**
 * Turn zod's issues into messages a person can act on: each names the key, says what is
 * wrong and how to fix it. `root` is the schema that produced them, used to list allowed
 * keys and describe missing ones.
 */
export function formatIssues(issues: readonly Issue[], root: z.ZodType): ValidationError[] {
  return issues.flatMap((issue) => formatIssue(issue, root, []));
}

function formatIssue(issue: Issue, root: z.ZodType, base: PropertyKey[]): ValidationError[] {
  const path = [...base, ...issue.path];
  const at = formatPath(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(root, path);
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `unknown key${didYouMeanSuffix(key, known) || `; allowed keys: ${known.join(", ")}`}`,
      }));
    }
    case "invalid_type": {
      if (issue.input === undefined) {
        const purpose = descriptionAt(root, path);
        return [{ path: at, message: `required${purpose ? ` — ${purpose}` : ""}` }];
      }
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) {
        const what = Number.isNaN(issue.input) ? ".nan (not a number)" : "an infinity";
        return [{ path: at, message: `expected a finite number, got ${what}: write a number` }];
      }
      return [
        { path: at, message: `expected ${article(issue.expected)}, got ${describe(issue.input)}` },
      ];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const input = String(issue.input);
      return [
        {
          path: at,
          message: `"${input}" is not one of ${allowed.join(", ")}${didYouMeanSuffix(input, allowed)}`,
        },
      ];
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const word = issue.code === "too_small" ? "at least" : "at most";
      const unit =
        issue.origin === "string" ? " characters" : issue.origin === "array" ? " entries" : "";
      return [
        { path: at, message: `must be ${word} ${bound}${unit}, got ${measure(issue.input)}` },
      ];
    }
    case "invalid_union":
      return formatUnion(issue, root, base);
    default:
      return [{ path: at, message: issue.message }];
  }
}

/**
 * A union failed every branch. For `sku: string | { type: ... }` report the branch the user
 * evidently meant: the object branch for a mapping, the shorthand branch for a string.
 */
function formatUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  root: z.ZodType,
  base: PropertyKey[],
): ValidationError[] {
  const path = [...base, ...issue.path];
  const isObject = typeof issue.input === "object" && issue.input !== null;
  const branches = issue.errors;
  // A branch that failed only at its root rejected the input's kind (string vs mapping): it is
  // not the branch the user meant.
  const rejectsKind = (branch: Issue[]) => {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (!only || only.path.length > 0) return false;
    return only.code === "invalid_type" || (only.code === "invalid_value" && isObject);
  };
  const meant = branches.filter((branch) => !rejectsKind(branch));
  if ((isObject || typeof issue.input === "string") && meant.length === 1 && meant[0]) {
    return meant[0].flatMap((sub) => formatIssue(sub, root, path));
  }
  return [
    {
      path: formatPath(path),
      message: `expected a type name (e.g. string) or a mapping with a type, got ${describe(issue.input)}`,
    },
  ];
}

function article(expected: string): string {
  const names: Record<string, string> = {
    int: "an integer",
    number: "a number",
    string: "a string",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
    record: "a mapping",
  };
  return names[expected] ?? expected;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(truncate(value))}`;
  return `${typeof value} ${String(value)}`;
}

function measure(value: unknown): string {
  if (typeof value === "string") return `${value.length}`;
  if (Array.isArray(value)) return `${value.length}`;
  return String(value);
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

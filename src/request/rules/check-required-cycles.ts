import type { ValidationError } from "../service-request.js";
import { asArray, asRecord, asString } from "./raw-access.js";

/**
 * A required foreign key must point at an existing row, so a cycle of required keys
 * (Order -> Customer -> Order, or a model requiring itself) can never get its first row.
 * Report one key per cycle: making any one of them optional breaks it.
 */
export function checkRequiredCycles(raw: Record<string, unknown>): ValidationError[] {
  const edges = requiredEdges(raw);
  const errors: ValidationError[] = [];
  const reported = new Set<string>();
  for (const edge of edges) {
    const path = findPath(edges, edge.to, edge.from);
    if (!path) continue;
    const cycle = [edge.from, ...path];
    const key = [...new Set(cycle)].sort().join(",");
    if (reported.has(key)) continue;
    reported.add(key);
    errors.push({
      path: edge.path,
      message:
        edge.from === edge.to
          ? `a required foreign key to its own model can never be satisfied (the first ${edge.from} has nothing to point at): add required: false`
          : `required foreign keys form a cycle (${cycle.join(" -> ")}): no row could be created first; add required: false to one of them`,
    });
  }
  return errors;
}

interface Edge {
  from: string;
  to: string;
  path: string;
}

function requiredEdges(raw: Record<string, unknown>): Edge[] {
  const edges: Edge[] = [];
  asArray(raw.models).forEach((value, index) => {
    const model = asRecord(value);
    const from = asString(model?.name);
    if (!from) return;
    for (const [name, field] of Object.entries(asRecord(model?.fields) ?? {})) {
      const spec = asRecord(field);
      const to = asString(spec?.to);
      if (spec?.type !== "foreign_key" || !to || spec.required === false) continue;
      edges.push({ from, to, path: `models[${index}].fields.${name}` });
    }
  });
  return edges;
}

/** Models visited from `start` to `goal` along required keys (breadth first), or undefined. */
function findPath(edges: readonly Edge[], start: string, goal: string): string[] | undefined {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === goal) {
      const path: string[] = [];
      for (let at: string | null | undefined = current; at; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const edge of edges) {
      if (edge.from !== current || previous.has(edge.to)) continue;
      previous.set(edge.to, current);
      queue.push(edge.to);
    }
  }
  return undefined;
}

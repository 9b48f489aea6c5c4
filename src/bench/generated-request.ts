import { FIELD_TYPES } from "../request/field-types.js";
import { validateRequest } from "../request/parse-request.js";
import type { ServiceRequest } from "../request/service-request.js";

/**
 * A large valid request: `models` models of `fields` fields each, cycling through every
 * field type, each model after the first holding a foreign key to the one before. It is
 * built as raw input and validated, so the benchmark measures what a real request costs.
 */
export function generatedRequest(params: { models: number; fields: number }): ServiceRequest {
  const scalarTypes = FIELD_TYPES.filter((type) => type !== "foreign_key");
  const models = Array.from({ length: params.models }, (_, m) => {
    const fields: Record<string, unknown> = {};
    for (let f = 0; f < params.fields; f++) {
      const name = `field_${String(f + 1).padStart(2, "0")}`;
      fields[name] =
        f === 0 && m > 0
          ? { type: "foreign_key", to: modelName(m - 1), on_delete: "cascade" }
          : { type: scalarTypes[(m + f) % scalarTypes.length], required: f % 3 !== 0 };
    }
    return { name: modelName(m), fields };
  });
  const result = validateRequest({
    service: "bench-service",
    description: "Benchmark request",
    models,
    deploy: { host: "bench.example.com" },
  });
  if (!result.ok) throw new Error(`generated request is invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** `Model01`...: PascalCase names that sort in creation order. */
function modelName(index: number): string {
  return `Model${String(index + 1).padStart(2, "0")}`;
}

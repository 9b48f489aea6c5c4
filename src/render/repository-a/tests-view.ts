import type { FieldType } from "../../request/field-types.js";
import { pluralKebab, snakeCase } from "../../request/naming.js";
import type { Model } from "../../request/service-request.js";
import { pyLiteral, pyString } from "../python/python-literal.js";
import { requiredKeys, samplePayload, sampleValue, writableFields } from "./sample-values.js";

/** Types whose JSON form comes back from the API exactly as it was sent. */
const ROUND_TRIP_TYPES: readonly FieldType[] = [
  "string",
  "text",
  "email",
  "url",
  "slug",
  "integer",
  "big_integer",
  "boolean",
  "json",
];

/** Sample variants: 0 for rows made through the ORM, 1 to create and 2 to update through
 * the API, so no two rows of one test share a value of a unique field. */
const ORM = 0;
const CREATE = 1;
const UPDATE = 2;

export interface TestsView {
  makers: { snake: string; name: string; values: { name: string; code: string }[] }[];
  cases: {
    name: string;
    snake: string;
    url: string;
    /** The same route, for prose (a validated name: no escaping needed). */
    route: string;
    create: string;
    update: string;
    refs: { name: string; maker: string }[];
    compared: string;
    /** The 400 case; false when every field is optional and none can be sent wrong. */
    invalid: { field: string; missing: boolean } | false;
  }[];
}

/** The generated `<app>/tests.py`: a maker per model (a saved row and the parents it needs)
 * and an APITestCase per model. Values are computed here and embedded as Python literals. */
export function testsView(models: readonly Model[]): TestsView {
  return {
    makers: models.map((model) => ({
      snake: snakeCase(model.name),
      name: model.name,
      values: [
        ...requiredKeys(model).map((key) => ({
          name: key.name,
          code: `make_${snakeCase(key.to ?? "")}(made)`,
        })),
        ...writableFields(model).map((field) => ({
          name: field.name,
          code: pyLiteral(sampleValue(field, ORM)),
        })),
      ],
    })),
    cases: models.map((model) => {
      const invalid = invalidCase(model) ?? false;
      return {
        name: model.name,
        snake: snakeCase(model.name),
        url: pyString(`/api/${pluralKebab(model.name)}/`),
        route: `/api/${pluralKebab(model.name)}/`,
        create: pyLiteral(samplePayload(model, CREATE)),
        update: pyLiteral(samplePayload(model, UPDATE)),
        refs: requiredKeys(model).map((key) => ({
          name: pyString(key.name),
          maker: `make_${snakeCase(key.to ?? "")}`,
        })),
        compared: tuple(
          writableFields(model)
            .filter((f) => ROUND_TRIP_TYPES.includes(f.type))
            .map((f) => f.name),
        ),
        invalid,
      };
    }),
  };
}

/** The 400 case: leave out a required field, or, when every field is optional, send a
 * value of the wrong type. Models with neither get no such test. */
function invalidCase(model: Model): { field: string; missing: boolean } | undefined {
  const required = model.fields.find((f) => f.required && !f.auto_now && !f.auto_now_add);
  if (required) return { field: pyString(required.name), missing: true };
  const typed = writableFields(model).find((f) =>
    ["integer", "big_integer", "float", "decimal", "date", "datetime", "uuid", "email"].includes(
      f.type,
    ),
  );
  return typed ? { field: pyString(typed.name), missing: false } : undefined;
}

function tuple(names: string[]): string {
  const items = names.map(pyString);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

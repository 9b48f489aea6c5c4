import type { FieldType } from "../../request/field-types.js";
import { pluralize, pluralKebab, snakeCase } from "../../request/naming.js";
import type { Model } from "../../request/service-request.js";
import { pyDocstring, pyString } from "../python/python-literal.js";
import { djangoField, type FieldImports } from "./django-field.js";

/** Module names the class body of models.py refers to (`models.CharField`, `validators.…`,
 * `decimal.Decimal`). A class body resolves names in its own namespace first, so a field
 * called `models` would hide the module from every field declared after it. */
const MODULE_NAMES = new Set(["models", "validators", "decimal"]);

/** Types that make a readable `__str__`, best first. */
const LABEL_TYPES: readonly FieldType[] = ["string", "slug", "email", "url"];

/** Types too long or too structured for an admin list column. */
const NO_LIST_DISPLAY: readonly FieldType[] = ["text", "json"];

export interface ModelView {
  name: string;
  snake: string;
  route: string;
  docstring: string;
  verboseName: string;
  verboseNamePlural: string;
  fields: { name: string; code: string }[];
  /** Body expression of `__str__`. */
  label: string;
  listDisplay: string;
}

/** What models.py, serializers.py, views.py, urls.py and admin.py need of one model. */
export function modelView(params: {
  model: Model;
  relatedNames: ReadonlyMap<string, string>;
  imports: FieldImports;
}): ModelView {
  const { model, relatedNames, imports } = params;
  const snake = snakeCase(model.name);
  const declared = [
    ...model.fields.filter((f) => !MODULE_NAMES.has(f.name)),
    ...model.fields.filter((f) => MODULE_NAMES.has(f.name)),
  ];
  const fields = declared.map((field) => {
    const relatedName = relatedNames.get(`${model.name}.${field.name}`);
    const declaration = djangoField({
      field,
      ...(field.to ? { target: field.to } : {}),
      ...(relatedName ? { relatedName } : {}),
    });
    imports.validators ||= declaration.imports.validators;
    imports.decimal ||= declaration.imports.decimal;
    return { name: field.name, code: declaration.code };
  });
  const labelField = LABEL_TYPES.flatMap((type) => model.fields.filter((f) => f.type === type))[0];
  // The fallback names the model and the row: `LineItem #3`. Its braces are Python's, and
  // the model name is a validated identifier.
  const fallback = `f"${model.name} #{self.pk}"`;
  const listed = model.fields
    .filter((f) => !NO_LIST_DISPLAY.includes(f.type))
    .slice(0, 4)
    .map((f) => pyString(f.name));
  return {
    name: model.name,
    snake,
    route: pluralKebab(model.name),
    docstring: pyDocstring(
      model.description || `${model.name} rows, served at /api/${pluralKebab(model.name)}/.`,
    ),
    verboseName: pyString(spaced(snake)),
    verboseNamePlural: pyString(spaced(pluralize(snake))),
    fields,
    label: labelField ? `self.${labelField.name} or ${fallback}` : fallback,
    listDisplay: [pyString("id"), ...listed].join(", "),
  };
}

function spaced(snake: string): string {
  return snake.replace(/_/g, " ");
}

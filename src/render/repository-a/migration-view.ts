import type { Field, Model } from "../../request/service-request.js";
import { djangoField, type FieldImports } from "./django-field.js";
import { migrationOrder } from "./migration-order.js";
import type { ModelView } from "./model-view.js";

export interface MigrationView {
  createModels: {
    name: string;
    fields: { name: string; code: string }[];
    verboseName: string;
    verboseNamePlural: string;
  }[];
  addFields: { model: string; name: string; code: string }[];
}

/**
 * The initial migration, written as `makemigrations` would: the same field expressions as
 * models.py (see djangoField), `to` as a lowercase `app.model` label, and the same Meta
 * options. `makemigrations --check` compares the state this migration builds with the
 * models, so any drift fails the generated service's CI and the portal's own tests.
 */
export function migrationView(params: {
  app: string;
  models: readonly Model[];
  views: ReadonlyMap<string, ModelView>;
  relatedNames: ReadonlyMap<string, string>;
  imports: FieldImports;
}): MigrationView {
  const { app, relatedNames, imports } = params;
  const order = migrationOrder(params.models);
  const isDeferred = (model: Model, field: Field) =>
    order.deferred.some((d) => d.model === model && d.field === field);
  const declare = (model: Model, field: Field) => {
    const relatedName = relatedNames.get(`${model.name}.${field.name}`);
    const declaration = djangoField({
      field,
      ...(field.to ? { target: `${app}.${field.to.toLowerCase()}` } : {}),
      ...(relatedName ? { relatedName } : {}),
    });
    imports.validators ||= declaration.imports.validators;
    imports.decimal ||= declaration.imports.decimal;
    return { name: field.name, code: declaration.code };
  };
  return {
    createModels: order.models.map((model) => {
      const view = params.views.get(model.name) as ModelView;
      return {
        name: model.name,
        fields: [
          {
            name: "id",
            code: 'models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")',
          },
          ...model.fields.filter((f) => !isDeferred(model, f)).map((f) => declare(model, f)),
        ],
        verboseName: view.verboseName,
        verboseNamePlural: view.verboseNamePlural,
      };
    }),
    addFields: order.deferred.map(({ model, field }) => ({
      model: model.name.toLowerCase(),
      ...declare(model, field),
    })),
  };
}

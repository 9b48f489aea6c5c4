import type { Field, Model } from "../../request/service-request.js";

export interface MigrationOrder {
  /** Models in creation order: a model comes after every model it references, where the
   * references allow it. */
  models: Model[];
  /** Foreign keys that point at a model created later (a cycle): each becomes an AddField
   * after all CreateModels, because a table cannot reference one that does not exist yet. */
  deferred: { model: Model; field: Field }[];
}

/**
 * Order the initial migration's operations. A stable topological sort: among the models
 * whose references are all created, the one listed first in the request goes first, so
 * output follows the request wherever it can. When only cycles remain, the first remaining
 * model is created anyway and its keys into the cycle are deferred.
 *
 * A self-reference stays inside its CreateModel, as Django's own makemigrations writes it:
 * the table exists by the time its constraint is created.
 */
export function migrationOrder(models: readonly Model[]): MigrationOrder {
  const remaining = [...models];
  const created = new Set<string>();
  const ordered: Model[] = [];
  const deferred: MigrationOrder["deferred"] = [];
  const references = (model: Model) =>
    model.fields.filter((f) => f.type === "foreign_key" && f.to !== model.name);
  while (remaining.length > 0) {
    const index = remaining.findIndex((model) =>
      references(model).every((f) => created.has(f.to ?? "")),
    );
    const [next] = remaining.splice(index === -1 ? 0 : index, 1) as [Model];
    for (const field of references(next)) {
      if (!created.has(field.to ?? "")) deferred.push({ model: next, field });
    }
    created.add(next.name);
    ordered.push(next);
  }
  return { models: ordered, deferred };
}

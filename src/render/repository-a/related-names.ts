import { pluralize, snakeCase } from "../../request/naming.js";
import type { Model } from "../../request/service-request.js";

/**
 * `related_name` of every foreign key, keyed `Model.field`: how the referenced model reaches
 * the rows pointing at it (`order.line_items`).
 *
 * The plain plural of the referencing model reads best, but Django refuses two reverse
 * accessors with one name on the same model (fields.E304) and an accessor named like one of
 * the target's fields (fields.E302). So when a model has several keys to the same target, or
 * the plural is taken, the accessor also names the key: `line_items_by_order`.
 */
export function relatedNames(models: readonly Model[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Map<string, Set<string>>();
  for (const model of models) taken.set(model.name, new Set(model.fields.map((f) => f.name)));
  for (const model of models) {
    const keys = model.fields.filter((f) => f.type === "foreign_key");
    for (const key of keys) {
      const target = key.to ?? "";
      const used = taken.get(target) ?? new Set<string>();
      const sameTarget = keys.filter((other) => other.to === target).length > 1;
      const plural = pluralize(snakeCase(model.name));
      let name = sameTarget || used.has(plural) ? `${plural}_by_${key.name}` : plural;
      while (used.has(name)) name = `${name}_set`;
      used.add(name);
      taken.set(target, used);
      names.set(`${model.name}.${key.name}`, name);
    }
  }
  return names;
}

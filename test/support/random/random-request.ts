import { FIELD_TYPES, type FieldType } from "../../../src/request/field-types.js";
import { validateRequest } from "../../../src/request/parse-request.js";
import { formatError, type ServiceRequest } from "../../../src/request/service-request.js";
import { type Random, seededRandom } from "./seeded-random.js";

// Words for names: deliberately including ones close to Python, Django and Kubernetes names
// the validator does NOT forbid (status, type_code, data_set, ...), so the renderer meets them.
const NOUNS = [
  "Account",
  "Address",
  "Batch",
  "Booking",
  "Category",
  "Comment",
  "Company",
  "Coupon",
  "Delivery",
  "Device",
  "Event",
  "Invoice",
  "Ledger",
  "Match",
  "Person",
  "Policy",
  "Query",
  "Report",
  "Status",
  "Tax",
  "Ticket",
  "Vehicle",
  "Warehouse",
  "Wish",
  "Box",
  "Process",
];
const FIELD_WORDS = [
  "title",
  "label",
  "amount",
  "status",
  "kind",
  "note",
  "code",
  "level",
  "score",
  "rank",
  "starts_on",
  "ends_at",
  "email_address",
  "home_page",
  "ref",
  "payload",
  "slug_text",
  "count",
  "ratio",
  "is_active",
  "order_no",
  "items",
  "value",
  "data_set",
  "type_code",
  "object_name",
  "model_name",
  "query",
  "filter_text",
  "format",
  "input",
  "list_price",
];
const HOSTILE = [
  '"quoted"',
  "back\\slash",
  "{{ mustache }}",
  "$(whoami)",
  "line\nbreak",
  "ünï 🚀",
  "'''",
  '"""',
];

/**
 * A valid request drawn at random (deterministic per seed): 1-5 models, 1-9 fields each,
 * any type and option the schema allows, foreign keys to earlier models (required or not)
 * and nullable ones to any model, free text with hostile characters. It is validated like a
 * user's request; a generator that produced an invalid one fails loudly.
 */
/** Every shape of access policy: defaults, opened reads, opened writes, staff writes,
 * one scheme only, other rates, the admin moved or off. */
const API_POLICIES: Record<string, unknown>[] = [
  {},
  { read: "anyone" },
  { read: "anyone", write: "anyone" },
  { write: "staff", auth: ["token"] },
  { auth: ["session"], admin: "ops/admin" },
  { admin: false, auth: ["token"], throttle: { anonymous: "5/second", user: "100/minute" } },
];

function randomApi(random: Random): { api?: Record<string, unknown> } {
  const policy = random.pick(API_POLICIES);
  return Object.keys(policy).length === 0 ? {} : { api: policy };
}

export function randomRequest(seed: number): ServiceRequest {
  const random = seededRandom(seed);
  const names = shuffle(random, NOUNS).slice(0, random.int(1, 5));
  const database = random.chance(0.4) ? "postgres" : "sqlite";
  const raw = {
    service: `svc-${seed}-${random.pick(["api", "core", "hub", "x1"])}`,
    description: hostileText(random),
    ...(random.chance(0.5)
      ? { app: random.pick(["catalog", "core_app", "records", "ledger"]) }
      : {}),
    cors: random.chance(0.5),
    ci: random.chance(0.8),
    models: names.map((name, index) => ({
      name,
      ...(random.chance(0.5) ? { description: hostileText(random) } : {}),
      fields: randomFields(random, names, index),
    })),
    deploy: {
      host: `svc-${seed}.example.com`,
      database,
      replicas: database === "postgres" ? random.int(1, 4) : 1,
      port: random.pick([8000, 8080, 9000]),
      ...(database === "sqlite" ? { storage: random.pick(["1Gi", "500Mi", "2Gi"]) } : {}),
    },
  };
  // Drawn last, so the rest of every seed's request stays what it was before `api` existed.
  const result = validateRequest({ ...raw, ...randomApi(random) });
  if (!result.ok) {
    throw new Error(
      `seed ${seed} generated an invalid request:\n${result.errors.map(formatError).join("\n")}`,
    );
  }
  return result.value;
}

function randomFields(random: Random, models: string[], index: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const words = shuffle(random, FIELD_WORDS).slice(0, random.int(1, 9));
  for (const word of words) {
    const type = random.pick(FIELD_TYPES);
    if (type === "foreign_key") {
      // Required keys only point backwards, so no cycle of required keys can form.
      const backwards = index > 0 && random.chance(0.6);
      const to = backwards ? (models[random.int(0, index - 1)] as string) : random.pick(models);
      const required = backwards && random.chance(0.6);
      const onDelete = required
        ? random.pick(["cascade", "protect", "restrict"])
        : random.pick(["cascade", "protect", "restrict", "set_null"]);
      fields[`${word}_ref`] = { type, to, on_delete: onDelete, required };
    } else {
      fields[word] = random.chance(0.15) ? type : randomOptions(random, type);
    }
  }
  return fields;
}

function randomOptions(random: Random, type: FieldType): Record<string, unknown> {
  const spec: Record<string, unknown> = { type };
  if (random.chance(0.3)) spec.required = false;
  if (random.chance(0.3)) spec.help_text = hostileText(random);
  if (["string", "email", "url", "slug"].includes(type) && random.chance(0.5)) {
    spec.max_length = random.int(type === "email" || type === "url" ? 60 : 8, 400);
  }
  if (["integer", "big_integer", "float", "decimal"].includes(type)) {
    if (type === "decimal") {
      spec.max_digits = random.int(4, 14);
      spec.decimal_places = random.int(0, Math.min(4, spec.max_digits as number));
    }
    if (random.chance(0.4)) spec.min = random.int(0, 10);
    if (random.chance(0.3)) spec.max = random.int(100, 1000);
    if (random.chance(0.3)) spec.default = (spec.min as number | undefined) ?? 0;
  }
  if (type === "boolean" && random.chance(0.6)) spec.default = random.chance(0.5);
  if (type === "string" && random.chance(0.2) && spec.required !== false) spec.default = "n/a";
  if ((type === "date" || type === "datetime") && random.chance(0.4)) {
    spec[random.chance(0.5) ? "auto_now" : "auto_now_add"] = true;
  }
  const uniqueAllowed = !["json", "boolean", "text"].includes(type) && spec.default === undefined;
  if (uniqueAllowed && !spec.auto_now && !spec.auto_now_add && random.chance(0.2))
    spec.unique = true;
  return spec;
}

function hostileText(random: Random): string {
  return Array.from({ length: random.int(1, 3) }, () => random.pick(HOSTILE)).join(" and ");
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

import { FIELD_TYPES, ON_DELETE, TYPE_OPTIONS } from "../../../src/request/field-types.js";
import { type Random, seededRandom } from "./seeded-random.js";

// Values at the edges of what the schema's types admit: the places renderers break.
const NUMBERS = [
  0,
  1,
  -1,
  0.5,
  -0.001,
  1e-7,
  12.345,
  99.99,
  2147483647,
  2147483648,
  -2147483649,
  3e9,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e15,
  1e21,
  -1e21,
  Number("12345678901234567890"), // what YAML makes of a 20-digit big_integer default
  1.7976931348623157e308,
  5e-324,
];
const FIELD_NAMES = ["title", "status", "amount", "order", "a", "x1", "data_set", "label", "code"];
const HOSTILE_FIELD_NAMES = [
  "models",
  "decimal",
  "validators",
  "serializers",
  "viewsets",
  "objects",
  "class",
  "meta",
  "order_id",
  "type",
];
const SMALL_NUMBERS = [0, 1, 5, 10, 100, 0.5, 2.25, 1000];
const MODEL_NAMES = ["Order", "LineItem", "Response", "Meta", "Decimal", "Models", "A", "Box"];
// (`Meta`, `Response`, `Decimal`: class names the generated modules use or import.)
const TEXT = [
  "",
  "plain",
  '"""',
  "\\",
  "{{x}}",
  "\u202e\u200b",
  "line\nbreak",
  "ünï 🚀",
  "x".repeat(600),
];

/**
 * A raw request drawn from everything the schema's types admit, valid or not (deterministic per
 * seed): edge numbers, names that clash with generated code, every type and option on every
 * type, foreign keys anywhere. The property tests take the ones that validate and render them.
 */
export function randomRawRequest(seed: number): Record<string, unknown> {
  const random = seededRandom(seed);
  const models = Array.from({ length: random.int(1, 4) }, (_, index) => ({
    name: random.chance(0.8) ? `${random.pick(MODEL_NAMES)}${index}` : random.pick(MODEL_NAMES),
    ...(random.chance(0.3) ? { description: random.pick(TEXT) } : {}),
    fields: randomFields(random),
  }));
  const names = models.map((model) => model.name);
  for (const model of models) {
    for (const spec of Object.values(model.fields)) {
      if (typeof spec === "object" && spec.type === "foreign_key") spec.to = random.pick(names);
    }
  }
  const database = random.chance(0.5) ? "postgres" : "sqlite";
  return {
    service: `svc-${seed}`,
    ...(random.chance(0.3) ? { description: random.pick(TEXT) } : {}),
    ...(random.chance(0.3) ? { app: random.pick(["core", "models", "api2", "x"]) } : {}),
    cors: random.chance(0.5),
    ci: random.chance(0.5),
    models,
    deploy: {
      database,
      ...(random.chance(0.5) ? { host: `svc-${seed}.example.com` } : {}),
      ...(database === "postgres" ? { replicas: random.int(1, 20) } : {}),
      ...(random.chance(0.3) ? { port: random.pick([1024, 8000, 65535]) } : {}),
    },
  };
}

function randomFields(random: Random): Record<string, Record<string, unknown>> {
  const fields: Record<string, Record<string, unknown>> = {};
  for (let i = random.int(1, 4); i > 0; i--) {
    const type = random.pick(FIELD_TYPES);
    const spec: Record<string, unknown> = { type };
    // Mostly the options the type takes (so a good share validates), now and then any other.
    const takes = (option: string, chance: number) =>
      random.chance(TYPE_OPTIONS[type].includes(option) ? chance : 0.02);
    if (random.chance(0.3)) spec.required = random.chance(0.5);
    if (random.chance(0.1)) spec.unique = true;
    if (random.chance(0.2)) spec.help_text = random.pick(TEXT).slice(0, 500);
    if (takes("max_length", 0.5)) spec.max_length = random.pick([1, 2, 50, 255, 65535]);
    if (takes("max_digits", 0.7)) spec.max_digits = random.pick([1, 2, 10, 30, 1000]);
    if (takes("decimal_places", 0.7)) spec.decimal_places = random.pick([0, 1, 2, 20, 100]);
    if (takes("min", 0.5)) spec.min = randomNumber(random);
    if (takes("max", 0.5)) spec.max = randomNumber(random);
    const noDefault = ["date", "datetime", "uuid", "json", "foreign_key"].includes(type);
    if (random.chance(noDefault ? 0.02 : 0.3)) spec.default = randomDefault(random, type);
    if (takes("auto_now", 0.3)) spec[random.chance(0.5) ? "auto_now" : "auto_now_add"] = true;
    if (takes("on_delete", 0.5)) spec.on_delete = random.pick(ON_DELETE);
    if (type === "foreign_key" && random.chance(0.7)) spec.required = false;
    const names = random.chance(0.9) ? FIELD_NAMES : HOSTILE_FIELD_NAMES;
    fields[`${random.pick(names)}${random.chance(0.5) ? "" : `_${i}`}`] = spec;
  }
  return fields;
}

function randomNumber(random: Random): number {
  return random.pick(random.chance(0.6) ? SMALL_NUMBERS : NUMBERS);
}

function randomDefault(random: Random, type: string): unknown {
  if (["integer", "big_integer", "float", "decimal"].includes(type) && random.chance(0.7)) {
    return randomNumber(random);
  }
  switch (random.int(0, 3)) {
    case 0:
      return random.pick(NUMBERS);
    case 1:
      return random.pick(TEXT);
    case 2:
      return random.chance(0.5);
    default:
      return random.chance(0.3) ? null : random.int(0, 50);
  }
}

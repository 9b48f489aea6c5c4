import { DEFAULT_MAX_LENGTH, type FieldType } from "./field-types.js";
import type { FieldInput, RequestInput } from "./request.schema.js";
import { defaultProject } from "./rules/check-identity.js";
import type { Field, ServiceRequest } from "./service-request.js";

/** Apply defaults and expand shorthands. Input has passed the schema and the rules. */
export function normalizeRequest(input: RequestInput): ServiceRequest {
  const deploy = input.deploy ?? {};
  const database = deploy.database ?? "sqlite";
  return {
    service: input.service,
    description: input.description?.trim() ?? "",
    project: input.project ?? defaultProject(input.service),
    app: input.app ?? "api",
    cors: input.cors ?? false,
    ci: input.ci ?? true,
    models: input.models.map((model) => ({
      name: model.name,
      ...(model.description ? { description: model.description.trim() } : {}),
      fields: Object.entries(model.fields).map(([name, spec]) =>
        normalizeField(name, typeof spec === "string" ? { type: spec } : spec),
      ),
    })),
    api: {
      read: input.api?.read ?? "authenticated",
      write: input.api?.write ?? "authenticated",
      auth: input.api?.auth ?? ["token", "session"],
      throttle: {
        anonymous: input.api?.throttle?.anonymous ?? "60/minute",
        user: input.api?.throttle?.user ?? "1000/minute",
      },
      admin: input.api?.admin ?? "admin",
    },
    deploy: {
      ...(deploy.gitops_repo ? { gitops_repo: deploy.gitops_repo } : {}),
      ...(deploy.host ? { host: deploy.host } : {}),
      replicas: deploy.replicas ?? 1,
      port: deploy.port ?? 8000,
      ...(database === "sqlite" ? { storage: deploy.storage ?? "1Gi" } : {}),
      database,
    },
  };
}

function normalizeField(name: string, spec: FieldInput): Field {
  const type: FieldType = spec.type;
  const field: Field = {
    name,
    type,
    // A field with a default, or one the server fills in, is never required from clients.
    required: spec.required ?? !(spec.default !== undefined || spec.auto_now || spec.auto_now_add),
    unique: spec.unique ?? false,
  };
  const maxLength = spec.max_length ?? DEFAULT_MAX_LENGTH[type];
  if (maxLength !== undefined) field.max_length = maxLength;
  if (type === "decimal") {
    field.max_digits = spec.max_digits ?? 10;
    field.decimal_places = spec.decimal_places ?? 2;
  }
  if (type === "foreign_key") {
    field.to = spec.to ?? "";
    field.on_delete = spec.on_delete ?? "cascade";
  }
  if (spec.default !== undefined) field.default = spec.default;
  if (spec.help_text) field.help_text = spec.help_text;
  if (spec.min !== undefined) field.min = spec.min;
  if (spec.max !== undefined) field.max = spec.max;
  if (spec.auto_now) field.auto_now = true;
  if (spec.auto_now_add) field.auto_now_add = true;
  return field;
}

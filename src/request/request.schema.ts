import { z } from "zod";
import { FIELD_TYPES, ON_DELETE } from "./field-types.js";

/**
 * The schema of a `.devportal.yml` request, as users write it. It checks shapes and ranges;
 * the rules that relate fields to each other (foreign keys, name clashes, per-type options)
 * live in `check-request-rules.ts` so that every problem is reported in one pass.
 */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fieldObjectSchema = z
  .strictObject({
    type: z.enum(FIELD_TYPES).describe("The field's type."),
    required: z
      .boolean()
      .optional()
      .describe("Whether API clients must send a value (default true)."),
    unique: z.boolean().optional().describe("Whether two rows may share a value (default false)."),
    default: scalar.optional().describe("Value stored when the client sends none."),
    help_text: z.string().max(500).optional().describe("Shown in the API schema and the admin."),
    max_length: z
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe("string, email, url, slug: the longest value accepted."),
    max_digits: z.int().min(1).max(1000).optional().describe("decimal: total digits."),
    decimal_places: z
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe("decimal: digits after the point (at most 100)."),
    min: z
      .number()
      .optional()
      .describe("Numbers: the smallest value accepted (within ±9007199254740991)."),
    max: z
      .number()
      .optional()
      .describe("Numbers: the largest value accepted (within ±9007199254740991)."),
    auto_now: z.boolean().optional().describe("date, datetime: set on every save."),
    auto_now_add: z.boolean().optional().describe("date, datetime: set when the row is created."),
    to: z
      .string()
      .optional()
      .describe("foreign_key: the model referenced (a model of this request)."),
    on_delete: z
      .enum(ON_DELETE)
      .optional()
      .describe("foreign_key: what deleting the referenced row does (default cascade)."),
  })
  .describe("A field: its type and options.");

/** `sku: string` is shorthand for `sku: { type: string }`. */
export const fieldSchema = z.union([z.enum(FIELD_TYPES), fieldObjectSchema]);

export const modelSchema = z.strictObject({
  name: z.string().describe("PascalCase model name, e.g. Order."),
  description: z.string().max(1000).optional().describe("What a row is; becomes the docstring."),
  fields: z
    .record(z.string(), fieldSchema)
    .describe("Field name (snake_case) -> type or options. Django adds the `id` key itself."),
});

export const deploySchema = z.strictObject({
  gitops_repo: z
    .string()
    .optional()
    .describe("Repository_B: `name` (same owner) or `owner/name`. Default from portal settings."),
  host: z
    .string()
    .optional()
    .describe("Public host name. Default: <service>.<domain> from portal settings."),
  replicas: z.int().min(1).max(20).optional().describe("Pod replicas (1-20, default 1)."),
  port: z.int().min(1024).max(65535).optional().describe("Container port (default 8000)."),
  storage: z.string().optional().describe("PVC size for SQLite data, e.g. 1Gi (default 1Gi)."),
  database: z
    .enum(["sqlite", "postgres"])
    .optional()
    .describe(
      "sqlite (PVC, one replica) or postgres (DATABASE_URL from the Secret <service>-env).",
    ),
});

/** DRF throttle rates: a count per second, minute, hour or day. */
export const THROTTLE_RATE = /^[1-9][0-9]{0,6}\/(second|minute|hour|day)$/;

export const apiSchema = z.strictObject({
  read: z
    .enum(["anyone", "authenticated"])
    .optional()
    .describe(
      "Who may list and retrieve rows: authenticated (default) or anyone, anonymous clients included.",
    ),
  write: z
    .enum(["anyone", "authenticated", "staff"])
    .optional()
    .describe(
      "Who may create, update and delete rows: authenticated (default), staff, or anyone (anonymous writes: only when you mean it).",
    ),
  auth: z
    .array(z.enum(["token", "session"]))
    .min(1)
    .max(2)
    .optional()
    .describe(
      "How clients authenticate: token (DRF tokens, `Authorization: Token <key>`) and/or session (the admin's login cookie). Default [token, session].",
    ),
  throttle: z
    .strictObject({
      anonymous: z.string().optional().describe("Requests per client IP, e.g. 60/minute."),
      user: z.string().optional().describe("Requests per authenticated user, e.g. 1000/hour."),
    })
    .optional()
    .describe("Rate limits (defaults: anonymous 60/minute, user 1000/minute)."),
  admin: z
    .union([z.literal(false), z.string()])
    .optional()
    .describe("URL path of the Django admin (default admin), or false for no admin at all."),
});

export const requestSchema = z
  .strictObject({
    service: z
      .string()
      .describe(
        "the service name, e.g. orders-api: lowercase letters, digits and -; it names Repository_A, the namespace and the app",
      ),
    description: z.string().max(1000).optional().describe("One or two sentences."),
    project: z
      .string()
      .optional()
      .describe("Django project package (default: service with - replaced by _)."),
    app: z.string().optional().describe("Django app package (default: api)."),
    cors: z.boolean().optional().describe("Enable django-cors-headers (default false)."),
    ci: z.boolean().optional().describe("Add the GitHub Actions CI/CD workflow (default true)."),
    models: z.array(modelSchema).describe("At least one model, at most 100."),
    api: apiSchema.optional().describe("Who may use the API, and how."),
    deploy: deploySchema.optional(),
  })
  .describe("A Dev Portal service request (.devportal.yml).");

export type RequestInput = z.infer<typeof requestSchema>;
export type ApiInput = z.infer<typeof apiSchema>;
export type FieldInput = z.infer<typeof fieldObjectSchema>;

import type { FieldType, OnDelete } from "./field-types.js";

/** A field after defaults and the `sku: string` shorthand are applied. */
export interface Field {
  name: string;
  type: FieldType;
  required: boolean;
  unique: boolean;
  default?: string | number | boolean | null;
  help_text?: string;
  max_length?: number;
  max_digits?: number;
  decimal_places?: number;
  min?: number;
  max?: number;
  auto_now?: boolean;
  auto_now_add?: boolean;
  to?: string;
  on_delete?: OnDelete;
}

export interface Model {
  name: string;
  description?: string;
  fields: Field[];
}

export interface DeployRequest {
  /** Absent means "the portal's default", resolved against settings at render time. */
  gitops_repo?: string;
  host?: string;
  replicas: number;
  port: number;
  /** PVC size; only SQLite services have a volume. */
  storage?: string;
  database: "sqlite" | "postgres";
}

/** Who may use the API and how; every default filled in. */
export interface ApiPolicy {
  read: "anyone" | "authenticated";
  write: "anyone" | "authenticated" | "staff";
  auth: ("token" | "session")[];
  throttle: { anonymous: string; user: string };
  /** URL path of the Django admin without slashes at either end, or false for none. */
  admin: string | false;
}

/** A validated, normalized `.devportal.yml`: the one input of `render`. */
export interface ServiceRequest {
  service: string;
  description: string;
  project: string;
  app: string;
  cors: boolean;
  ci: boolean;
  models: Model[];
  api: ApiPolicy;
  deploy: DeployRequest;
}

/** Where a request came from; recorded in Repository_A so the app can find its request. */
export interface RequestOrigin {
  /** "owner/name" of the request repository. */
  repository: string;
  /** "pull_request": a request file whose merge created the request; its status lives on the
   * merged pull request (`issue` is its number: GitHub numbers both alike). */
  kind: "issue" | "file" | "pull_request";
  /** The GitHub login that asked (for a merged pull request: who merged it). */
  requester?: string;
  /** The pull request's author, mentioned when the request needs them. */
  author?: string;
  /** Issue number for form requests; the issue the app opened for file requests; the merged
   * pull request's number. */
  issue?: number;
  /** Path and commit of a file request. */
  path?: string;
  sha?: string;
}

export interface ValidationError {
  /** Dotted path of the offending key, e.g. `models[1].fields.order.to`; "" for the root. */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export function formatError(error: ValidationError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

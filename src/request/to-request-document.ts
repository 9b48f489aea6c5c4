import type { Field, ServiceRequest } from "./service-request.js";

/**
 * The normalized request in the `.devportal.yml` format (fields as a mapping, every default
 * written out). `parseRequest` reads it back to the same request: the request record in
 * Repository_A is this document.
 */
export function toRequestDocument(request: ServiceRequest): Record<string, unknown> {
  return {
    service: request.service,
    description: request.description,
    project: request.project,
    app: request.app,
    cors: request.cors,
    ci: request.ci,
    models: request.models.map((model) => ({
      name: model.name,
      ...(model.description ? { description: model.description } : {}),
      fields: Object.fromEntries(model.fields.map((field) => [field.name, fieldDocument(field)])),
    })),
    api: { ...request.api, auth: [...request.api.auth], throttle: { ...request.api.throttle } },
    deploy: { ...request.deploy },
  };
}

function fieldDocument(field: Field): Record<string, unknown> {
  const { name: _name, ...rest } = field;
  return rest;
}

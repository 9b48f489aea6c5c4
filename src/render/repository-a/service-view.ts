import { pluralKebab } from "../../request/naming.js";
import { markdownText } from "../markdown-text.js";
import { pyDocstring } from "../python/python-literal.js";
import type { RenderContext } from "../render-context.js";
import { runtimeSecretOf } from "../runtime-secret.js";
import { apiView } from "./api-view.js";
import type { FieldImports } from "./django-field.js";
import { migrationView } from "./migration-view.js";
import { type ModelView, modelView } from "./model-view.js";
import { relatedNames } from "./related-names.js";
import { REQUIREMENTS } from "./requirements.js";
import { testsView } from "./tests-view.js";
import { workflowView } from "./workflow-view.js";

/**
 * The mustache view of templates/service. Templates only place values: everything that
 * needs a decision (field declarations, migration order, sample values) or escaping (free
 * text as Python literals and inert Markdown) is computed here.
 */
export function serviceView(context: RenderContext) {
  const { request, settings, target } = context;
  const runtime = runtimeSecretOf({ request, settings, namespace: target.namespace });
  const related = relatedNames(request.models);
  const modelImports: FieldImports = { validators: false, decimal: false };
  const models = request.models.map((model) =>
    modelView({ model, relatedNames: related, imports: modelImports }),
  );
  const migrationImports: FieldImports = { validators: false, decimal: false };
  const migration = migrationView({
    app: request.app,
    models: request.models,
    views: new Map<string, ModelView>(models.map((view) => [view.name, view])),
    relatedNames: related,
    imports: migrationImports,
  });
  const description = request.description || `The ${request.service} REST service.`;
  return {
    service: request.service,
    project: request.project,
    app: request.app,
    appConfig: `${pascalCase(request.app)}Config`,
    port: request.deploy.port,
    cors: request.cors,
    api: apiView(request.api),
    tls: settings.tls !== undefined,
    runtime: {
      name: runtime.name,
      mode: runtime.mode,
      store: runtime.store
        ? `${runtime.store.kind} \`${runtime.store.name}\`, key \`${runtime.store.key}\``
        : false,
      handStep: runtime.handStep ?? false,
    },
    workflowEnabled: request.ci,
    postgres: request.deploy.database === "postgres",
    database: request.deploy.database,
    replicas: request.deploy.replicas,
    description: {
      docstring: pyDocstring(description),
      markdown: markdownText(description),
    },
    deploy: {
      repository: target.repository.fullName,
      image: target.image,
      gitops: target.gitops.fullName,
      gitopsPath: target.gitopsPath,
      url: target.url,
      namespace: target.namespace,
    },
    requirements: REQUIREMENTS.filter((r) => request.cors || r.name !== "django-cors-headers"),
    models,
    modelImports,
    endpoints: request.models.map((model) => ({
      name: model.name,
      route: `/api/${pluralKebab(model.name)}/`,
      fields: model.fields.map((f) => `\`${f.name}\` (${f.type})`).join(", "),
    })),
    migration,
    migrationImports,
    tests: testsView(request.models),
    workflow: workflowView(context),
  };
}

function pascalCase(snake: string): string {
  return snake
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

import type { ValidationError } from "../service-request.js";
import { packageNameProblem } from "./check-package-name.js";
import {
  DNS_1035_LABEL,
  isRepositoryReference,
  MAX_LABEL_LENGTH,
  RESERVED_NAMESPACES,
} from "./name-patterns.js";
import { asRecord, asString } from "./raw-access.js";

/** The project package a service gets when the request names none. */
export function defaultProject(service: string): string {
  return service.replace(/-/g, "_");
}

/** Rules for `service`, `project` and `app`: the names that become repository, namespace,
 * Kubernetes objects and Python packages. */
export function checkIdentity(raw: Record<string, unknown>): ValidationError[] {
  const errors: ValidationError[] = [];
  const service = asString(raw.service);
  if (service !== undefined) {
    if (service.length > MAX_LABEL_LENGTH) {
      errors.push({
        path: "service",
        message: `"${service.slice(0, 20)}..." is ${service.length} characters; the limit is ${MAX_LABEL_LENGTH} (a Kubernetes name)`,
      });
    } else if (!DNS_1035_LABEL.test(service)) {
      errors.push({
        path: "service",
        message: `"${service}" is not a valid service name: use lowercase letters, digits and "-", start with a letter and end with a letter or digit (e.g. orders-api)`,
      });
    } else if (RESERVED_NAMESPACES.has(service) || service.startsWith("kube-")) {
      errors.push({
        path: "service",
        message: `"${service}" is a reserved Kubernetes namespace: choose another name`,
      });
    }
  }
  const explicitProject = asString(raw.project);
  const project =
    explicitProject ??
    (service && DNS_1035_LABEL.test(service) ? defaultProject(service) : undefined);
  if (project !== undefined) {
    const problem = packageNameProblem(project);
    if (problem) {
      errors.push({
        path: "project",
        message:
          explicitProject === undefined
            ? `${problem} (derived from service; set project explicitly)`
            : problem,
      });
    }
  }
  const app = asString(raw.app) ?? "api";
  const appProblem = packageNameProblem(app);
  if (appProblem) errors.push({ path: "app", message: appProblem });
  if (project !== undefined && project === app) {
    errors.push({
      path: raw.app === undefined ? "project" : "app",
      message: `project and app are both "${app}": the Django project and app need different package names`,
    });
  }
  const gitops = asString(asRecord(raw.deploy)?.gitops_repo);
  if (gitops !== undefined && !isRepositoryReference(gitops)) {
    errors.push({
      path: "deploy.gitops_repo",
      message: `"${gitops}" is not a GitHub repository: write name or owner/name (e.g. gitops or acme/gitops)`,
    });
  }
  return errors;
}

import { isDeepStrictEqual } from "node:util";
import type { DeployRequest, ServiceRequest } from "../../request/service-request.js";

export interface RequestDiff {
  /** Keys of `deploy` whose value changed: applied to Repository_B by a re-render. */
  deploy: (keyof DeployRequest)[];
  /** True when the models changed: code people own now, never regenerated over. */
  models: boolean;
}

const DEPLOY_KEYS: (keyof DeployRequest)[] = [
  "gitops_repo",
  "host",
  "replicas",
  "port",
  "storage",
  "database",
];

/** What changed between the request a service was created from and the request now. */
export function diffRequest(recorded: ServiceRequest, requested: ServiceRequest): RequestDiff {
  return {
    deploy: DEPLOY_KEYS.filter((key) => recorded.deploy[key] !== requested.deploy[key]),
    models: !isDeepStrictEqual(recorded.models, requested.models),
  };
}

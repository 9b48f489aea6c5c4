import type { RequestOrigin, ServiceRequest } from "../request/service-request.js";
import type { PortalSettings } from "../request/settings.schema.js";
import type { DeployTarget } from "./deploy-target.js";

/** Everything a renderer may read. Renderers are pure functions of this value. */
export interface RenderContext {
  request: ServiceRequest;
  settings: PortalSettings;
  target: DeployTarget;
  /** Where the request came from; recorded in Repository_A. Absent for offline renders. */
  origin?: RequestOrigin;
  /** sealed-secrets mode: the runtime Secret's values, already encrypted for the cluster
   * (see sealSecretValue); render stays pure and deterministic by taking them as input. */
  sealed?: Record<string, string>;
}

import type { ValidationError } from "../service-request.js";
import { HOST_NAME, MAX_SUBDOMAIN_LENGTH, QUANTITY } from "./name-patterns.js";
import { asNumber, asRecord, asString } from "./raw-access.js";

/** Rules of `deploy`: sizes, host names, and what a ReadWriteOnce volume can serve. */
export function checkDeploy(raw: Record<string, unknown>): ValidationError[] {
  const deploy = asRecord(raw.deploy);
  if (!deploy) return [];
  const errors: ValidationError[] = [];
  const storage = asString(deploy.storage);
  if (storage !== undefined && (!QUANTITY.test(storage) || Number.parseFloat(storage) <= 0)) {
    errors.push({
      path: "deploy.storage",
      message: `"${storage}" is not a Kubernetes quantity: write a size such as 1Gi or 500Mi`,
    });
  }
  const host = asString(deploy.host);
  if (host !== undefined && (!HOST_NAME.test(host) || host.length > MAX_SUBDOMAIN_LENGTH)) {
    errors.push({
      path: "deploy.host",
      message: `"${host}" is not a DNS host name: use lowercase labels separated by dots (e.g. orders.example.com)`,
    });
  }
  const database = asString(deploy.database) ?? "sqlite";
  const replicas = asNumber(deploy.replicas);
  if (database === "sqlite" && replicas !== undefined && replicas > 1) {
    errors.push({
      path: "deploy.replicas",
      message: `${replicas} replicas cannot share SQLite on a ReadWriteOnce volume: keep 1, or add deploy.database: postgres (no PVC; DATABASE_URL comes from the Secret <service>-env)`,
    });
  }
  if (database === "postgres" && storage !== undefined) {
    errors.push({
      path: "deploy.storage",
      message: "postgres services get no volume: remove storage (it sizes the SQLite PVC)",
    });
  }
  return errors;
}

import { THROTTLE_RATE } from "../request.schema.js";
import type { ValidationError } from "../service-request.js";
import { asArray, asRecord, asString } from "./raw-access.js";

/** Paths the service itself answers; the admin must not shadow them. */
const TAKEN_PATHS = new Set(["api", "healthz", "static"]);
/** An admin path: lowercase segments of letters, digits and -, e.g. `admin` or `ops/admin`. */
const ADMIN_PATH = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\/[a-z0-9]([a-z0-9-]*[a-z0-9])?){0,3}$/;

/** Rules of `api` the schema cannot express: rate syntax, the admin path, and access
 * combinations that make no sense (anonymous writes behind authenticated reads). */
export function checkApi(raw: Record<string, unknown>): ValidationError[] {
  const api = asRecord(raw.api);
  if (!api) return [];
  const errors: ValidationError[] = [];
  const throttle = asRecord(api.throttle);
  for (const key of ["anonymous", "user"] as const) {
    const rate = asString(throttle?.[key]);
    if (rate !== undefined && !THROTTLE_RATE.test(rate)) {
      errors.push({
        path: `api.throttle.${key}`,
        message: `"${rate}" is not a rate: write <count>/<second|minute|hour|day>, e.g. 60/minute`,
      });
    }
  }
  const admin = asString(api.admin);
  if (admin !== undefined) {
    const first = admin.split("/")[0] ?? "";
    if (!ADMIN_PATH.test(admin)) {
      errors.push({
        path: "api.admin",
        message: `"${admin}" is not a URL path: lowercase letters, digits, - and / (e.g. admin or ops/admin), no leading or trailing /; or false for no admin`,
      });
    } else if (TAKEN_PATHS.has(first)) {
      errors.push({
        path: "api.admin",
        message: `"${admin}" collides with the service's own /${first}/: choose another path`,
      });
    }
  }
  if (api.write === "anyone" && api.read !== "anyone") {
    errors.push({
      path: "api.write",
      message:
        "anonymous writes behind authenticated reads make no sense: set api.read: anyone too, or write: authenticated",
    });
  }
  const auth = asArray(api.auth);
  if (new Set(auth).size !== auth.length) {
    errors.push({ path: "api.auth", message: "each scheme once: token, session or both" });
  }
  if (api.admin === false && auth.length > 0 && !auth.includes("token")) {
    errors.push({
      path: "api.auth",
      message:
        "session authentication needs a login page and the admin is off: add token, or keep the admin",
    });
  }
  return errors;
}

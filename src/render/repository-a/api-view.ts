import type { ApiPolicy } from "../../request/service-request.js";

/** The `api` part of the service view: the access policy as the templates place it. Every
 * value is a validated enum, rate or path, so none needs escaping. */
export function apiView(api: ApiPolicy) {
  return {
    read: api.read,
    write: api.write,
    readAnyone: api.read === "anyone",
    writeAnyone: api.write === "anyone",
    writeStaff: api.write === "staff",
    staffLiteral: api.write === "staff" ? "True" : "False",
    token: api.auth.includes("token"),
    session: api.auth.includes("session"),
    throttle: api.throttle,
    admin: api.admin,
  };
}

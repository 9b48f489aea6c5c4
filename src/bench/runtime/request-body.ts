import { FORM_BODY } from "../../../test/support/github/scenario.js";

/** The recorded form body of the orders-api request, renamed to `service` (host included). */
export function formBodyFor(service: string): string {
  return FORM_BODY.replaceAll("orders-api", service).replaceAll(
    "orders.example.com",
    `${service}.example.com`,
  );
}

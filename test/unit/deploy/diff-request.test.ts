import { describe, expect, it } from "vitest";
import { diffRequest } from "../../../src/services/deploy/apply-request-change.js";
import { renderExample } from "../../support/django/render-example.js";

const { request } = renderExample("orders-api.devportal.yml").context;

describe("diffRequest", () => {
  it("finds nothing between a request and itself", () => {
    expect(diffRequest(request, structuredClone(request))).toEqual({ deploy: [], models: false });
  });

  it("names the deploy keys that changed", () => {
    const changed = structuredClone(request);
    changed.deploy.host = "orders.acme.dev";
    changed.deploy.storage = "5Gi";
    expect(diffRequest(request, changed)).toEqual({ deploy: ["host", "storage"], models: false });
  });

  it("notices a model change", () => {
    const changed = structuredClone(request);
    changed.models[0]?.fields.pop();
    expect(diffRequest(request, changed)).toEqual({ deploy: [], models: true });
  });
});

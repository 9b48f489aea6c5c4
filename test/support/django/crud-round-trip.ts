import { expect } from "vitest";
import {
  requiredKeys,
  samplePayload,
  sampleValue,
  writableFields,
} from "../../../src/render/repository-a/sample-values.js";
import { pluralKebab } from "../../../src/request/naming.js";
import type { ApiPolicy, Model } from "../../../src/request/service-request.js";
import {
  type ApiClient,
  anonymousClient,
  type ServiceAddress,
  signIn,
} from "../http/api-client.js";
import { getWithHost } from "./get-with-host.js";

/** The account the tests create in every service (manage.py createsuperuser). */
export const TEST_USER = { username: "portal-tester", password: "real-tool-tests-pass-phrase" };

/**
 * Drive a running service over real HTTP as its clients would, through the ingress (the
 * public Host, X-Forwarded-Proto when TLS is on): anonymous clients get exactly what the
 * request's `api` allows; a signed-in client creates, lists, retrieves, patches, is refused
 * a body without a required field (400), then deletes in reverse order and sees 404. Also
 * /healthz as the kubelet asks (the pod IP as Host), which the API itself refuses (400):
 * host validation is on and /healthz is answered before it.
 */
export async function crudRoundTrip(params: {
  address: ServiceAddress;
  /** The pod IP and port, as a kubelet probe sends them in Host. */
  podHost?: string;
  models: readonly Model[];
  api: ApiPolicy;
}): Promise<void> {
  const { address, models, api } = params;
  const podHost = params.podHost ?? "10.42.0.7:8000";
  const probe = await getWithHost(`${address.baseUrl}/healthz`, podHost);
  expect(probe.status, "/healthz with the pod IP as Host").toBe(200);
  expect((await getWithHost(`${address.baseUrl}/api/`, podHost)).status).toBe(400);
  if (address.https) {
    const plain = await anonymousClient({ ...address, https: false }).send("GET", "/api/");
    expect(plain.status, "plain HTTP is redirected to HTTPS").toBe(301);
    expect(plain.headers.location).toBe(`https://${address.host}/api/`);
  }

  const anonymous = anonymousClient(address);
  const client = await signIn({ address, api, ...TEST_USER });
  const created = new Map<string, number>();
  for (const model of creationOrder(models)) {
    const path = `/api/${pluralKebab(model.name)}/`;
    const refs = Object.fromEntries(
      requiredKeys(model).map((key) => [key.name, created.get(key.to ?? "") as number]),
    );
    const payload = samplePayload(model, 1, refs);
    await expectAnonymous({ anonymous, api, path, payload: samplePayload(model, 0, refs) });

    const post = await client.send("POST", path, payload);
    expect(post.status, `POST ${path}: ${post.text}`).toBe(201);
    const id = (post.body as { id: number }).id;
    created.set(model.name, id);

    const list = await client.send("GET", path);
    expect(list.status).toBe(200);
    const rows = (list.body as { results: { id: number }[] }).results;
    expect(rows.map((row) => row.id)).toContain(id);

    const detail = await client.send("GET", `${path}${id}/`);
    expect(detail.status).toBe(200);
    // Every value comes back as it was sent: decimals as fixed strings, times in UTC.
    expect(detail.body).toMatchObject(payload);
    if (api.write !== "anyone") {
      expect((await anonymous.send("DELETE", `${path}${id}/`)).status).toBeOneOf([401, 403]);
    }

    const [patched] = writableFields(model);
    if (patched) {
      const change = { [patched.name]: sampleValue(patched, 2) };
      const patch = await client.send("PATCH", `${path}${id}/`, change);
      expect(patch.status, `PATCH ${path}${id}/: ${patch.text}`).toBe(200);
      expect(patch.body).toMatchObject(change);
    }

    const required = model.fields.find((f) => f.required && !f.auto_now && !f.auto_now_add);
    if (required) {
      const { [required.name]: _left, ...incomplete } = samplePayload(model, 2, refs);
      const invalid = await client.send("POST", path, incomplete);
      expect(invalid.status, `POST without ${required.name}`).toBe(400);
      expect(invalid.body).toHaveProperty(required.name);
    }
  }

  for (const model of [...creationOrder(models)].reverse()) {
    const path = `/api/${pluralKebab(model.name)}/${created.get(model.name)}/`;
    expect((await client.send("DELETE", path)).status, `DELETE ${path}`).toBe(204);
    expect((await client.send("GET", path)).status, `GET ${path} after DELETE`).toBe(404);
  }
}

/** Anonymous reads and writes get what the policy says: refused (401/403) unless opened. */
async function expectAnonymous(params: {
  anonymous: ApiClient;
  api: ApiPolicy;
  path: string;
  payload: Record<string, unknown>;
}): Promise<void> {
  const { anonymous, api, path } = params;
  const read = await anonymous.send("GET", path);
  if (api.read === "anyone") expect(read.status, `anonymous GET ${path}`).toBe(200);
  else expect(read.status, `anonymous GET ${path}`).toBeOneOf([401, 403]);
  if (api.write === "anyone") return;
  const write = await anonymous.send("POST", path, params.payload);
  expect(write.status, `anonymous POST ${path}: ${write.text}`).toBeOneOf([401, 403]);
}

/** Parents before children, following required keys (optional ones are left empty). */
function creationOrder(models: readonly Model[]): Model[] {
  const order: Model[] = [];
  const remaining = [...models];
  while (remaining.length > 0) {
    const index = remaining.findIndex((model) =>
      requiredKeys(model).every((key) => order.some((m) => m.name === key.to)),
    );
    if (index === -1) throw new Error("required foreign keys form a cycle: no row can be created");
    order.push(...remaining.splice(index, 1));
  }
  return order;
}

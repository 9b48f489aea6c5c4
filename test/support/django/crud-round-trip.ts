import { expect } from "vitest";
import {
  requiredKeys,
  samplePayload,
  sampleValue,
  writableFields,
} from "../../../src/render/repository-a/sample-values.js";
import { pluralKebab } from "../../../src/request/naming.js";
import type { Model } from "../../../src/request/service-request.js";
import { getWithHost } from "./get-with-host.js";

/**
 * Drive a running service over real HTTP: for every model create, list, retrieve, patch,
 * refuse a body without a required field (400), then delete in reverse order and see 404.
 * Also /healthz with a Host that DJANGO_ALLOWED_HOSTS refuses (the API itself answers 400
 * to that Host, which proves host validation is on and /healthz is answered before it).
 */
export async function crudRoundTrip(baseUrl: string, models: readonly Model[]): Promise<void> {
  const probe = await getWithHost(`${baseUrl}/healthz`, "10.42.0.7:8000");
  expect(probe.status, "/healthz with the pod IP as Host").toBe(200);
  expect((await getWithHost(`${baseUrl}/api/`, "10.42.0.7:8000")).status).toBe(400);

  const created = new Map<string, number>();
  for (const model of creationOrder(models)) {
    const url = `${baseUrl}/api/${pluralKebab(model.name)}/`;
    const refs = Object.fromEntries(
      requiredKeys(model).map((key) => [key.name, created.get(key.to ?? "") as number]),
    );
    const payload = samplePayload(model, 1, refs);
    const post = await send("POST", url, payload);
    expect(post.status, `POST ${url}: ${JSON.stringify(post.body)}`).toBe(201);
    const id = (post.body as { id: number }).id;
    created.set(model.name, id);

    const list = await send("GET", url);
    expect(list.status).toBe(200);
    const rows = (list.body as { results: { id: number }[] }).results;
    expect(rows.map((row) => row.id)).toContain(id);

    const detail = await send("GET", `${url}${id}/`);
    expect(detail.status).toBe(200);
    // Every value comes back as it was sent: decimals as fixed strings, times in UTC.
    expect(detail.body).toMatchObject(payload);

    const [patched] = writableFields(model);
    if (patched) {
      const change = { [patched.name]: sampleValue(patched, 2) };
      const patch = await send("PATCH", `${url}${id}/`, change);
      expect(patch.status, `PATCH ${url}${id}/: ${JSON.stringify(patch.body)}`).toBe(200);
      expect(patch.body).toMatchObject(change);
    }

    const required = model.fields.find((f) => f.required && !f.auto_now && !f.auto_now_add);
    if (required) {
      const { [required.name]: _left, ...incomplete } = samplePayload(model, 2, refs);
      const invalid = await send("POST", url, incomplete);
      expect(invalid.status, `POST without ${required.name}`).toBe(400);
      expect(invalid.body).toHaveProperty(required.name);
    }
  }

  for (const model of [...creationOrder(models)].reverse()) {
    const url = `${baseUrl}/api/${pluralKebab(model.name)}/${created.get(model.name)}/`;
    expect((await send("DELETE", url)).status, `DELETE ${url}`).toBe(204);
    expect((await send("GET", url)).status, `GET ${url} after DELETE`).toBe(404);
  }
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

async function send(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { accept: "application/json", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return { status: response.status, body: json ? await response.json() : await response.text() };
}

import type { ApiPolicy } from "../../../src/request/service-request.js";
import { type HttpResponse, httpRequest } from "./http-request.js";

/** Where a running service answers, and how a client reaches it: `host` is the public host
 * the Ingress forwards; `https` means the ingress terminated TLS (X-Forwarded-Proto). */
export interface ServiceAddress {
  baseUrl: string;
  host: string;
  https: boolean;
}

export interface ApiClient {
  send(method: string, path: string, json?: unknown): Promise<HttpResponse>;
}

/** Headers the ingress controller adds to what a browser or script sends. */
function ingressHeaders(address: ServiceAddress): Record<string, string> {
  return {
    host: address.host,
    ...(address.https ? { "x-forwarded-proto": "https" } : {}),
  };
}

export function anonymousClient(address: ServiceAddress): ApiClient {
  return {
    send: (method, path, json) =>
      httpRequest({
        url: `${address.baseUrl}${path}`,
        method,
        headers: ingressHeaders(address),
        json,
      }),
  };
}

/**
 * A client signed in the way the service offers: a token bought with the password at
 * /api/auth/token/ when token authentication is on, else the admin's login form and its
 * session cookie (with the CSRF token every unsafe request then needs).
 */
export async function signIn(params: {
  address: ServiceAddress;
  api: ApiPolicy;
  username: string;
  password: string;
}): Promise<ApiClient> {
  const { address, api } = params;
  const base = ingressHeaders(address);
  if (api.auth.includes("token")) {
    const response = await httpRequest({
      url: `${address.baseUrl}/api/auth/token/`,
      method: "POST",
      headers: base,
      json: { username: params.username, password: params.password },
    });
    if (response.status !== 200) throw new Error(`token: ${response.status} ${response.text}`);
    const token = (response.body as { token: string }).token;
    return {
      send: (method, path, json) =>
        httpRequest({
          url: `${address.baseUrl}${path}`,
          method,
          headers: { ...base, authorization: `Token ${token}` },
          json,
        }),
    };
  }
  if (api.admin === false) throw new Error("session authentication without the admin login");
  const origin = `${address.https ? "https" : "http"}://${address.host}`;
  const loginPath = `/${api.admin}/login/`;
  const form = await httpRequest({ url: `${address.baseUrl}${loginPath}`, headers: base });
  const csrf = cookie(form, "csrftoken");
  const field = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(form.text)?.[1];
  if (!csrf || !field) throw new Error(`no CSRF token on ${loginPath}: ${form.status}`);
  const login = await httpRequest({
    url: `${address.baseUrl}${loginPath}`,
    method: "POST",
    headers: { ...base, cookie: `csrftoken=${csrf}`, referer: `${origin}${loginPath}` },
    form: {
      username: params.username,
      password: params.password,
      csrfmiddlewaretoken: field,
      next: `/${api.admin}/`,
    },
  });
  const session = cookie(login, "sessionid");
  if (login.status !== 302 || !session) throw new Error(`admin login: ${login.status}`);
  const csrfNow = cookie(login, "csrftoken") ?? csrf;
  return {
    send: (method, path, json) =>
      httpRequest({
        url: `${address.baseUrl}${path}`,
        method,
        headers: {
          ...base,
          cookie: `sessionid=${session}; csrftoken=${csrfNow}`,
          "x-csrftoken": csrfNow,
          referer: `${origin}/`,
        },
        json,
      }),
  };
}

function cookie(response: HttpResponse, name: string): string | undefined {
  const setCookies = response.headers["set-cookie"] ?? [];
  for (const line of Array.isArray(setCookies) ? setCookies : [setCookies]) {
    const match = new RegExp(`^${name}=([^;]*)`).exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

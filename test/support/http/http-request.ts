import { request } from "node:http";

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

/**
 * One HTTP request with full control of the headers, Host included (fetch refuses to set
 * Host: it is a forbidden header name in the Fetch standard). JSON bodies go out as JSON;
 * a JSON answer comes back parsed.
 */
export function httpRequest(params: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
}): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...params.headers };
  let payload: string | undefined;
  if (params.json !== undefined) {
    payload = JSON.stringify(params.json);
    headers["content-type"] = "application/json";
  } else if (params.form) {
    payload = new URLSearchParams(params.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  // A length, not chunked encoding: WSGI servers hand Django no body without one.
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const req = request(
      params.url,
      { method: params.method ?? "GET", headers, timeout: 30_000 },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          const json = response.headers["content-type"]?.startsWith("application/json");
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            body: json && text ? JSON.parse(text) : text,
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout: ${params.method} ${params.url}`)));
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

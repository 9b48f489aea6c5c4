import { request } from "node:http";

/** GET with a chosen Host header, as a kubelet probe sends the pod IP. (fetch may refuse to
 * set Host: it is a forbidden header name in the Fetch standard.) */
export function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

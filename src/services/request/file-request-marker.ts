/** Marks the issue the app opens for a request file, so the next push of that file, and
 * `/devportal retry`, find it without a database. */
const PREFIX = "<!-- devportal:file-request ";

export function fileRequestMarker(path: string): string {
  return `${PREFIX}${Buffer.from(path).toString("base64url")} -->`;
}

/** The request file path recorded in an issue body, if the app opened it for one. */
export function fileRequestPathOf(body: string | null | undefined): string | undefined {
  const start = body?.indexOf(PREFIX) ?? -1;
  if (!body || start === -1) return undefined;
  const encoded = body.slice(start + PREFIX.length).split(" ", 1)[0] ?? "";
  return Buffer.from(encoded, "base64url").toString("utf8") || undefined;
}

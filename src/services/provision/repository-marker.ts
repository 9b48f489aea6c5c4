import { createHmac } from "node:crypto";
import type { RequestOrigin } from "../../request/service-request.js";

/**
 * The mark the app sets on a repository it creates, in the description GitHub stores with
 * the create itself: `[devportal:<16 hex>]`, an HMAC of the repository's full name and the
 * request under a key only the app holds. Why the description: it is written by the same
 * call that creates the repository, so a 502 after the create cannot leave the repository
 * unmarked (a topic or custom property is a second call, and custom properties need an
 * organisation-level definition first). Why an HMAC: descriptions are visible and anyone who
 * creates a repository can type one; only the app can compute the mark for a given name and
 * request, so a copy made for another name or request does not verify.
 */
export function repositoryMark(params: {
  key: string;
  fullName: string;
  origin: RequestOrigin;
}): string {
  const { origin } = params;
  const request = `${origin.repository}#${origin.kind === "issue" ? origin.issue : origin.path}`;
  const mac = createHmac("sha256", params.key)
    .update(`devportal repository\n${params.fullName.toLowerCase()}\n${request.toLowerCase()}`)
    .digest("hex")
    .slice(0, 16);
  return `[devportal:${mac}]`;
}

/** GitHub refuses repository descriptions longer than this (422). */
export const MAX_DESCRIPTION = 350;

/** The request's description with the mark at its end, shortened to fit GitHub's limit. */
export function markedDescription(description: string, mark: string): string {
  const room = MAX_DESCRIPTION - mark.length - 1;
  const text = description.replace(/\s+/g, " ").trim();
  const fitted = text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
  return fitted ? `${fitted} ${mark}` : mark;
}

export function carriesMark(description: string | null | undefined, mark: string): boolean {
  return (description ?? "").trimEnd().endsWith(mark);
}

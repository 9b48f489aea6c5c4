import type { Logger } from "probot";
import type { AppIdentity } from "../../github/app-identity.js";
import type { Octokit, RepoParams } from "../../github/octokit.js";
import type { RequestOrigin, Result } from "../../request/service-request.js";
import type { LoadedSettings } from "./load-settings.js";

/** One request to work on, whichever door it came through. */
export interface RequestJob {
  octokit: Octokit;
  log: Logger;
  /** The request repository (where the issue and the settings are). */
  repo: RepoParams;
  /** The request issue and the labels it carries now. */
  issue: { number: number; labels: string[] };
  /** The GitHub login asking (issue author, editor, commenter or pusher). */
  sender: string;
  origin: RequestOrigin;
  /** The raw request (before validation): the parsed form, or the file's YAML. */
  read: () => Promise<Result<Record<string, unknown>>>;
  /** Where the requester fixes a key path: a form field label, or the file and key. */
  fieldName: (path: string) => string;
  /** An edit of the request issue: it may fix a rejected request, but never re-provisions
   * one whose code is pushed (Repository_A then belongs to its team). */
  edit?: boolean;
  /** The edit changed the body (not only the title): it deserves an answer. */
  bodyChanged?: boolean;
  /** Runs of this job before this one (the queue's attempt): sets the back-off of a
   * transient failure. */
  attempt?: number;
  /** Settings already loaded by the caller (a push loads them once for every file). */
  settings?: LoadedSettings;
  /** The app's identity, learnt once the request is taken: its own comments are found by
   * it (the status comment, the notifications). */
  app?: AppIdentity;
}

import type { AppIdentity } from "../github/app-identity.js";

/** What the services need from outside GitHub, passed in by the composition root (and by
 * tests, which give a fake environment and a sleep that does not wait). */
export interface PortalDeps {
  /** The app's environment: `DEVPORTAL_SECRET_*` values and `DEVPORTAL_CONFIG_REPO`. */
  env: Readonly<Record<string, string | undefined>>;
  /** The "New service" issue form (templates/request-repository/...), to parse form issues. */
  issueForm: string;
  /** Waits between retries while a new repository settles. */
  sleep?: (ms: number) => Promise<void>;
  /** The app's own identity on GitHub (asked once, then remembered). The composition root
   * provides it; it is what the app believes, and nothing else. */
  app?: () => Promise<AppIdentity>;
  /** The key of the mark the app sets on the repositories it creates (see
   * provision/repository-marker.ts); by default derived from the webhook secret. */
  markKey?: string;
}

/** The deps with what the composition root fills in. */
export type ResolvedDeps = PortalDeps & Required<Pick<PortalDeps, "app" | "markKey">>;

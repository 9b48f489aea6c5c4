/** What the services need from outside GitHub, passed in by the composition root (and by
 * tests, which give a fake environment and a sleep that does not wait). */
export interface PortalDeps {
  /** The app's environment: where `DEVPORTAL_SECRET_*` values are read from. */
  env: Readonly<Record<string, string | undefined>>;
  /** The "New service" issue form (templates/request-repository/...), to parse form issues. */
  issueForm: string;
  /** Waits between retries while a new repository settles. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The environment the generated service runs with in tests: nothing inherited from the
 * developer's shell or CI (no stray DJANGO_* or DATABASE_URL), production-like settings
 * (DEBUG off, so the secret key and allowed hosts are really required).
 */
export function djangoEnv(params: {
  home: string;
  dataDir: string;
  databaseUrl?: string;
}): NodeJS.ProcessEnv {
  return {
    PATH: "/usr/bin:/bin",
    HOME: params.home,
    LANG: "C.UTF-8",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONUNBUFFERED: "1",
    // 50 characters and more than 5 distinct ones: what `check --deploy` asks of a key.
    DJANGO_SECRET_KEY: "real-tool-tests-only-not-a-secret-0123456789-abcdefghij",
    DJANGO_DEBUG: "0",
    DJANGO_ALLOWED_HOSTS: "127.0.0.1,localhost",
    DJANGO_DATA_DIR: params.dataDir,
    ...(params.databaseUrl ? { DATABASE_URL: params.databaseUrl } : {}),
  };
}

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Debian's interpreter: plain `python3` on PATH may be another one, without Django. */
export const PYTHON = "/usr/bin/python3";
export const GUNICORN = "/usr/bin/gunicorn";

/** Python modules the generated service imports, and the Debian package of each. */
const MODULES: Record<string, string> = {
  django: "python3-django",
  rest_framework: "python3-djangorestframework",
  corsheaders: "python3-django-cors-headers",
  dj_database_url: "python3-dj-database-url",
  whitenoise: "python3-whitenoise",
  psycopg2: "python3-psycopg2",
};

/**
 * Fail, naming what to install, when the tools the real-tool tests need are missing. A
 * missing tool must fail the run: a test that skips would report a pass it never earned.
 */
export function requireDjangoTools(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: apt-get install python3`);
  const missing = Object.entries(MODULES).filter(([module]) => !canImport(module));
  if (missing.length > 0) {
    const packages = missing.map(([, pkg]) => pkg).join(" ");
    throw new Error(
      `Python modules missing for ${PYTHON}: ${missing.map(([m]) => m).join(", ")}. Install them: apt-get install ${packages}`,
    );
  }
  if (!existsSync(GUNICORN)) throw new Error(`${GUNICORN} is missing: apt-get install gunicorn`);
}

function canImport(module: string): boolean {
  try {
    execFileSync(PYTHON, ["-c", `import ${module}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

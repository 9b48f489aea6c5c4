/**
 * The generated service's Python dependencies, pinned exactly so that every build of an
 * image installs the same code. Django stays on the 5.2 LTS line (security fixes until
 * April 2028); the generated code also runs on Django 3.2, the version the portal's own
 * tests exercise with Debian's packages. Renovate or Dependabot in Repository_A moves the
 * pins from here on.
 */
export const REQUIREMENTS: readonly { name: string; spec: string; why: string }[] = [
  { name: "Django", spec: "Django==5.2.18", why: "the web framework (5.2 LTS)" },
  { name: "djangorestframework", spec: "djangorestframework==3.18.3", why: "the REST API" },
  {
    name: "django-cors-headers",
    spec: "django-cors-headers==4.9.0",
    why: "CORS, for browser clients on other origins",
  },
  { name: "dj-database-url", spec: "dj-database-url==3.1.2", why: "DATABASE_URL parsing" },
  {
    name: "psycopg",
    spec: "psycopg[binary]==3.3.9",
    why: "the PostgreSQL driver (binary wheel: no compiler or libpq in the image)",
  },
  { name: "gunicorn", spec: "gunicorn==27.0.1", why: "the WSGI server" },
  { name: "whitenoise", spec: "whitenoise==6.12.0", why: "static files without a web server" },
];

/** Python 3 keywords and soft keywords: never valid as package, module or attribute names. */
export const PYTHON_KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
  "match",
  "case",
  "type",
  "_",
]);

/**
 * Top-level modules the generated service imports, or that Python and Django resolve by
 * name (a package called `test` or `json` in the project root shadows the standard library
 * and breaks `manage.py test` or the settings in confusing ways).
 */
export const SHADOWED_MODULES = new Set([
  "django",
  "rest_framework",
  "corsheaders",
  "dj_database_url",
  "gunicorn",
  "psycopg",
  "psycopg2",
  "test",
  "tests",
  "unittest",
  "json",
  "logging",
  "os",
  "sys",
  "pathlib",
  "uuid",
  "decimal",
  "datetime",
  "types",
  "typing",
  "collections",
  "email",
  "http",
  "html",
  "io",
  "re",
  "string",
  "random",
  "time",
  "site",
  "abc",
  "code",
  "copy",
  "enum",
  "inspect",
  "models",
  "migrations",
  "admin",
  "apps",
  "urls",
  "views",
  "serializers",
  "settings",
  "wsgi",
  "asgi",
  "static",
  "data",
  "manage",
  "config",
  "api_root",
  "healthz",
]);

/** Attributes of a Django model or its serializer that a field must not overwrite. */
export const RESERVED_FIELD_NAMES = new Set([
  "id",
  "pk",
  "objects",
  "save",
  "delete",
  "clean",
  "full_clean",
  "check",
  "refresh_from_db",
  "validate_unique",
  "serializable_value",
  "get_deferred_fields",
  "from_db",
  "prepare_database_save",
  "clean_fields",
  "unique_error_message",
  "date_error_message",
  "validate_constraints",
  "save_base",
]);

export const PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Names the generated app modules import (templates/service/__app__/*.py). A field becomes a
 * class attribute of its model, and in a class body an attribute named `models`, `decimal`
 * or `validators` hides the module from every later line (`models.CharField` then fails and
 * the service cannot start). Refusing every imported name keeps future templates safe too; a
 * test holds this list to the templates' imports.
 */
export const IMPORTED_NAMES = new Set([
  "admin",
  "decimal",
  "migrations",
  "models",
  "routers",
  "serializers",
  "test",
  "validators",
  "views",
  "viewsets",
]);

/** Imported names a field may still take, each with why: `status` (rest_framework's HTTP
 * codes) is imported only by views.py and tests.py, where field names are never Python
 * names, only strings, and it is far too common a column to refuse for nothing. `cache`
 * and `get_user_model` (tests.py), `call_command` and `connections` (the migrate_locked management command) live in
 * modules that never hold a model's fields either. */
export const IMPORTED_NAMES_FIELDS_MAY_USE = new Set([
  "status",
  "cache",
  "call_command",
  "connections",
  "get_user_model",
]);

"""Settings of {{service}}, read from the environment.

Variables:
  DJANGO_SECRET_KEY     required unless DJANGO_DEBUG is on
  DJANGO_DEBUG          "1"/"true" for local development only; off by default
  DJANGO_ALLOWED_HOSTS  comma-separated host names the service answers to
  DATABASE_URL          e.g. postgres://user:password@host:5432/name; default SQLite
  DJANGO_DATA_DIR       directory of the SQLite database (default: <project root>/data)
{{#cors}}
  DJANGO_CORS_ALLOWED_ORIGINS  comma-separated origins, e.g. https://app.example.com
{{/cors}}
  DJANGO_HTTPS          "1" when clients reach the service over TLS (set by the Deployment
                        when the portal's settings turn TLS on): HTTPS redirect, HSTS and
                        Secure cookies
  DJANGO_LOG_LEVEL      level of the service's own loggers (default INFO)
  PORT                  the port gunicorn listens on (gunicorn.conf.py; default 8000)

Written to run on Django 3.2 and on the 5.2 LTS that requirements.txt pins: it uses no
setting that only one of them understands without a fallback for the other.
"""
import os
from pathlib import Path

import dj_database_url
import django
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    # INSECURE, for local development only: never used once DJANGO_DEBUG is off.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
{{#api.admin}}
    "django.contrib.admin",
{{/api.admin}}
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
{{#api.token}}
    "rest_framework.authtoken",
{{/api.token}}
{{#cors}}
    "corsheaders",
{{/cors}}
    "{{app}}.apps.{{appConfig}}",
]

MIDDLEWARE = [
    # First: answers /healthz before anything validates the Host header (see health.py).
    "{{project}}.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
{{#cors}}
    # Before CommonMiddleware, so that CORS headers are added to its responses too.
    "corsheaders.middleware.CorsMiddleware",
{{/cors}}
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "{{project}}.urls"
WSGI_APPLICATION = "{{project}}.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite lives in DJANGO_DATA_DIR: the container mounts a volume there, so the database
# survives restarts while the image itself stays read-only.
DATA_DIR = Path(os.environ.get("DJANGO_DATA_DIR") or BASE_DIR / "data")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = "sqlite:///" + str(DATA_DIR / "db.sqlite3")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Compressed, content-hashed files that whitenoise can cache forever. Django 4.2 moved
# storage configuration to STORAGES and 5.1 removed the old setting: set the one this
# Django reads.
_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
if django.VERSION >= (4, 2):
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": _STATIC_STORAGE},
    }
else:
    STATICFILES_STORAGE = _STATIC_STORAGE

# Who may do what is decided in {{project}}/permissions.py, as the request asked:
# reads {{api.read}}, writes {{api.write}}.
REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_AUTHENTICATION_CLASSES": [
{{#api.token}}
        # `Authorization: Token <key>`; keys: python manage.py drf_create_token <user>, or
        # POST username and password to /api/auth/token/.
        "rest_framework.authentication.TokenAuthentication",
{{/api.token}}
{{#api.session}}
        # The login cookie of the admin; unsafe methods then also need the CSRF token.
        "rest_framework.authentication.SessionAuthentication",
{{/api.session}}
    ],
    "DEFAULT_PERMISSION_CLASSES": ["{{project}}.permissions.ApiAccess"],
    # Counted per process in the local-memory cache: with N gunicorn workers and R
    # replicas a client may get up to N*R times the rate. Point CACHES at a shared cache
    # (Redis, Memcached) when the limit must be exact.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "{{api.throttle.anonymous}}", "user": "{{api.throttle.user}}"},
    # One proxy (the ingress controller) sits in front: anonymous clients are told apart by
    # the address it appends to X-Forwarded-For, not by the controller's own address. The
    # NetworkPolicy admits only the ingress controller, so nobody else can forge the header.
    "NUM_PROXIES": 1,
}
{{#cors}}

CORS_ALLOWED_ORIGINS = env_list("DJANGO_CORS_ALLOWED_ORIGINS")
{{/cors}}

# TLS ends at the ingress, which tells Django the original scheme in X-Forwarded-Proto.
# Only the ingress controller can reach the pods (NetworkPolicy), so the header is its.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Set only when clients really use TLS: Secure cookies over plain HTTP would break the
# admin login, and HSTS on a host without a certificate would lock browsers out.
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Consent to preloading; the host enters browsers' preload lists only when submitted.
SECURE_HSTS_PRELOAD = HTTPS

# Everything to stdout, one JSON object per line: the container runtime collects it and
# log pipelines parse it without guessing.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "{{project}}.json_log.JsonFormatter"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "{{app}}": {
            "handlers": ["stdout"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

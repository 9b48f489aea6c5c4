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
  DJANGO_LOG_LEVEL      level of the service's own loggers (default INFO)

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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
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

REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Open by default, as requested through the portal: add authentication classes and
    # permissions here before the API holds anything private.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}
{{#cors}}

CORS_ALLOWED_ORIGINS = env_list("DJANGO_CORS_ALLOWED_ORIGINS")
{{/cors}}

# TLS ends at the ingress, which tells Django the original scheme in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

# Everything to stdout, one line per record: the container runtime collects it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain"},
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

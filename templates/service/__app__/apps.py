from django.apps import AppConfig


class {{appConfig}}(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "{{app}}"

"""Django admin pages for every model, at /{{api.admin}}/ (create a user: manage.py createsuperuser)."""
from django.contrib import admin

from . import models
{{#models}}


@admin.register(models.{{name}})
class {{name}}Admin(admin.ModelAdmin):
    list_display = ({{{listDisplay}}},)
{{/models}}

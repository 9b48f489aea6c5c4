"""The models of {{service}}: one table and one API endpoint each."""
{{#modelImports.decimal}}
import decimal

{{/modelImports.decimal}}
{{#modelImports.validators}}
from django.core import validators
{{/modelImports.validators}}
from django.db import models
{{#models}}


class {{name}}(models.Model):
    {{{docstring}}}

{{#fields}}
    {{name}} = {{{code}}}
{{/fields}}

    class Meta:
        ordering = ["id"]
        verbose_name = {{{verboseName}}}
        verbose_name_plural = {{{verboseNamePlural}}}

    def __str__(self):
        return {{{label}}}
{{/models}}

"""JSON representations of the models: every field, foreign keys as row ids."""
from rest_framework import serializers

from . import models
{{#models}}


class {{name}}Serializer(serializers.ModelSerializer):
    class Meta:
        model = models.{{name}}
        fields = "__all__"
{{/models}}

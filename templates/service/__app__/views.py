"""The REST API: create, list, retrieve, update and delete for every model."""
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status, viewsets
from rest_framework.response import Response

from . import models, serializers


class ConflictOnReferencedDelete:
    """Answer 409 Conflict instead of a server error when a row cannot be deleted because
    rows of another model still reference it (foreign keys with on_delete protect or
    restrict)."""

    def destroy(self, request, *args, **kwargs):
        try:
            return super().destroy(request, *args, **kwargs)
        except (ProtectedError, RestrictedError):
            return Response(
                {"detail": "Other rows still reference this one: delete or change them first."},
                status=status.HTTP_409_CONFLICT,
            )
{{#models}}


class {{name}}ViewSet(ConflictOnReferencedDelete, viewsets.ModelViewSet):
    """{{name}} rows at /api/{{route}}/."""

    queryset = models.{{name}}.objects.all()
    serializer_class = serializers.{{name}}Serializer
{{/models}}

"""API routes, one per model; the router also serves an index of them at /api/."""
from rest_framework import routers

from . import views

router = routers.DefaultRouter()
{{#models}}
router.register("{{route}}", views.{{name}}ViewSet)
{{/models}}

urlpatterns = router.urls

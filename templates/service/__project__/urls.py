"""URL routes: the REST API under /api/ and the admin under /admin/.

/healthz is answered by {{project}}.health.HealthCheckMiddleware before routing.
"""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("api/", include("{{app}}.urls")),
    path("admin/", admin.site.urls),
]

"""URL routes: the REST API under /api/{{#api.admin}} and the admin under /{{api.admin}}/{{/api.admin}}.

/healthz is answered by {{project}}.health.HealthCheckMiddleware before routing.
"""
{{#api.admin}}
from django.contrib import admin
{{/api.admin}}
from django.urls import include, path
{{#api.token}}
from rest_framework.authtoken.views import obtain_auth_token
{{/api.token}}

urlpatterns = [
{{#api.token}}
    # POST username and password, get the user's API token (throttled like the API).
    path("api/auth/token/", obtain_auth_token),
{{/api.token}}
    path("api/", include("{{app}}.urls")),
{{#api.admin}}
    path("{{api.admin}}/", admin.site.urls),
{{/api.admin}}
]

"""The health endpoint, answered before host validation.

Kubernetes probes send the pod IP as the Host header, which DJANGO_ALLOWED_HOSTS rightly
does not list, so a /healthz view behind Django's host check would fail every probe. This
middleware is first in MIDDLEWARE and answers /healthz before anything reads the host.
It reports that the process serves requests; it deliberately does not check the database,
so a database outage does not make the kubelet restart every replica.
"""
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return HttpResponse("ok\n", content_type="text/plain")
        return self.get_response(request)

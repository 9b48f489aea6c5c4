"""Health endpoints, answered before host validation.

Kubernetes probes send the pod IP as the Host header, which DJANGO_ALLOWED_HOSTS rightly
does not list, so probe views behind Django's host check would fail every probe. This
middleware is first in MIDDLEWARE and answers before anything reads the host (or redirects
to HTTPS: the kubelet probes plain HTTP).

/healthz  liveness: the process serves requests. It deliberately does not touch the
          database, so a database outage does not make the kubelet restart every replica.
/readyz   readiness: the database answers too; a pod that cannot reach it leaves the
          Service's endpoints until it can.
"""
from django.db import connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path_info == HEALTH_PATH:
                return HttpResponse("ok\n", content_type="text/plain")
            if request.path_info == READY_PATH:
                return self.ready()
        return self.get_response(request)

    @staticmethod
    def ready():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:  # any database error means "not ready", never a 500 page
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        return HttpResponse("ready\n", content_type="text/plain")

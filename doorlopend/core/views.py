"""Pages that belong to no partnership: error pages and the health check (the start page,
which lists partnerships, is partnerships.views.home)."""

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from .health import health_report


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent after its page expired: say so in words, not a bare 403."""
    return HttpResponseForbidden(
        render_to_string("core/csrf_failure.html", request=request)
    )


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Readiness for load balancers: 200 when the database and the cache answer, else 503
    naming which failed. Reports the age of the worker's and the periodic process's last
    heartbeat, but a stale one does not fail the check: the web servers can serve without
    the worker, and taking them all out of the balancer for it would take the site down.
    Monitoring alerts on `"stale": true` instead (docs: README, "In productie draaien")."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def alive(request: HttpRequest) -> HttpResponse:
    """Liveness, and the benchmarks' floor: the process answers, touching nothing."""
    return HttpResponse("ok", content_type="text/plain")

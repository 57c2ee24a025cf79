"""Pages that belong to no partnership: error pages and the health check (the start page,
which lists partnerships, is partnerships.views.home)."""

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent after its page expired: say so in words, not a bare 403."""
    return HttpResponseForbidden(
        render_to_string("core/csrf_failure.html", request=request)
    )


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and the benchmarks' floor: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")

"""Pages that belong to no partnership: the start page and error pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from doorlopend.partnerships import selectors as partnership_selectors


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the partnership someone works in; a choice when they work in several."""
    partnerships = list(partnership_selectors.partnerships_of(user=request.user))
    slugs = [p.slug for p in partnerships]
    last = request.session.get("last_partnership")
    if last in slugs or len(slugs) == 1:
        return redirect(
            "partnerships:dashboard",
            partnership_slug=last if last in slugs else slugs[0],
        )
    return render(request, "core/home.html", {"partnerships": partnerships})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent after its page expired: say so in words, not a bare 403."""
    return HttpResponseForbidden(
        render_to_string("core/csrf_failure.html", request=request)
    )


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and the benchmarks' floor: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")

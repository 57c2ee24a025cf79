"""The start page: straight to the partnership someone works in, or a choice of them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .. import selectors as partnership_selectors


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
    return render(request, "partnerships/home.html", {"partnerships": partnerships})

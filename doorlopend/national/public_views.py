"""The public progress page of a partnership: no login, the unguessable link is the key.

The page is the same for every visitor, so it says so to caches (`Cache-Control:
public`) and, marked `@public_page`, touches neither the session nor the CSRF token: no
cookie is set and the answer does not vary on one. Switched off (or a new link made), the old link answers
404.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from doorlopend.core.public import public_page

from . import progress

PUBLIC_MAX_AGE = 15 * 60  # a quarter of an hour: switching off reaches caches soon


@public_page
@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def public_progress(request: HttpRequest, token: str) -> HttpResponse:
    page = progress.public_page(token=token)
    if page is None:
        raise Http404
    # Public pages are in the site's language, the same for everyone (cacheable).
    with translation.override(settings.LANGUAGE_CODE):
        response = render(
            request,
            "national/public/progress.html",
            {"progress": progress.progress_of(page), "noindex": page.noindex},
        )
    if page.noindex:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response

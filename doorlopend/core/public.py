"""Public pages: the same page for every visitor, so caches may keep one copy.

A view marked `@public_page` is answered in the site's language without reading the
person or the session (`accounts.middleware.ChosenLanguageMiddleware` checks the mark),
so the answer neither varies on the cookie nor sets one; it marks the request
(`request.public_page`) for the context processors that would read the person.

The middleware asks before Django resolves the URL itself, so the answer is kept per
path (a hall of phones asks the same few paths over and over): one URL resolve per
request, not two.
"""

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, get_urlconf, resolve


def public_page(view: Callable) -> Callable:
    view.public_page = True
    return view


def is_public_page(request: HttpRequest) -> bool:
    return _public_path(get_urlconf() or settings.ROOT_URLCONF, request.path_info)


@lru_cache(maxsize=4096)
def _public_path(urlconf: str, path: str) -> bool:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)

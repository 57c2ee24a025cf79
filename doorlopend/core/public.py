"""Public pages: the same page for every visitor, so caches may keep one copy.

A view marked `@public_page` is answered in the site's language without reading the
person or the session (`accounts.middleware.ChosenLanguageMiddleware` checks the mark),
so the answer neither varies on the cookie nor sets one; it marks the request
(`request.public_page`) for the context processors that would read the person.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.urls import Resolver404, resolve


def public_page(view: Callable) -> Callable:
    view.public_page = True
    return view


def is_public_page(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)

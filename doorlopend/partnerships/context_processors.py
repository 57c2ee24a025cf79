"""The partnership switcher in the header."""

from django.http import HttpRequest

from . import selectors


def partnership_nav(request: HttpRequest) -> dict:
    if getattr(request, "public_page", False):
        return {}  # the same page for everyone: the person is not read (core.public)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Lazy: the query runs only when a page shows the switcher.
    return {
        "my_partnerships": selectors.partnerships_of(user=user),
        "current_partnership": getattr(request, "partnership", None),
        "current_membership": getattr(request, "membership", None),
    }

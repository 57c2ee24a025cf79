"""The partnership switcher in the header."""

from django.http import HttpRequest

from . import selectors


def partnership_nav(request: HttpRequest) -> dict:
    if getattr(request, "public_page", False):
        return {}  # the same page for everyone: the person is not read (core.public)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # The guard read them with the membership; elsewhere lazy: the query runs only
    # when a page shows the switcher.
    mine = getattr(request, "my_partnerships", None)
    return {
        "my_partnerships": selectors.partnerships_of(user=user)
        if mine is None
        else mine,
        "current_partnership": getattr(request, "partnership", None),
        "current_membership": getattr(request, "membership", None),
    }

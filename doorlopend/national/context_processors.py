"""`national_adviser` for templates: lazy, so only a page that asks for it (the start
page) spends the one query."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .access import is_national_adviser


def national(request: HttpRequest) -> dict:
    return {
        "national_adviser": SimpleLazyObject(lambda: is_national_adviser(request.user))
    }

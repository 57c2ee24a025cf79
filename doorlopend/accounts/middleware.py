"""The language of a page: the person's choice, else the partnership's (Dutch).

Never the browser's: an English-language phone opening a Dutch invitation gets the Dutch
page that goes with the e-mail. Someone not logged in who pressed the language switch
keeps that choice (the language cookie); someone logged in keeps it on their account.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from doorlopend.core.public import is_public_page

SUPPORTED = {code for code, _label in settings.LANGUAGES}


def request_language(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in SUPPORTED:
        return user.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in SUPPORTED:
        return cookie
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Activates `request_language`; sits after AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_public_page(request):
            # The same page for everyone: neither the person nor the cookie is read, so
            # the session stays untouched and the answer does not vary on the cookie.
            request.public_page = True
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response

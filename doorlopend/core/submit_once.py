"""A create button pressed twice makes one thing (a double click, a resent form).

The form carries a random key of its own (`{% submit_once_field %}`, made when the page
is rendered). The first request with that key makes the thing and keeps what it made for
KEEP; a second request with the same key (by the same user, to the same address) waits
for the first and answers with the same result, so a pupil's link, an API key or a feed
address is made once and still shown once to whoever sent the form. What is kept may hold
a token that is shown once: it is kept encrypted with a key derived from the form's key,
which only the browser holds (the cache keys on a different hash of it), so the cache
never holds a readable token. Without the field (an API client, a test, the demo
loader), the call simply makes the thing.
"""

from __future__ import annotations

import base64
import hashlib
import pickle  # noqa: S403  what is unpickled was sealed here (authenticated, Fernet)
import secrets
import time
from collections.abc import Callable
from typing import TypeVar

from cryptography.fernet import Fernet, InvalidToken
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

T = TypeVar("T")
FIELD = "submit_once"
KEEP = 10 * 60  # seconds the result of a form answers its repeats
WAIT = 15.0  # seconds a repeat waits for the first request to finish
POLL = 0.1


def submit_once_key() -> str:
    return secrets.token_urlsafe(32)


def _fernet(key: str) -> Fernet:
    return Fernet(
        base64.urlsafe_b64encode(hashlib.sha256(f"seal:{key}".encode()).digest())
    )


def submit_once(request: HttpRequest, make: Callable[[], T]) -> T:
    """What `make()` gives, made once per form key (see above). A failed `make` (it
    raises) keeps nothing, so the same form can be sent again."""
    key = request.POST.get(FIELD, "")
    if not 20 <= len(key) <= 100:
        return make()
    who = request.user.pk if request.user.is_authenticated else ""
    name = (
        "submit-once:"
        + hashlib.sha256(f"{who}:{request.path}:{key}".encode()).hexdigest()
    )
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if cache.add(f"{name}:running", True, KEEP):
            try:
                result = make()
            except BaseException:
                cache.delete(f"{name}:running")
                raise
            cache.set(name, _fernet(key).encrypt(pickle.dumps(result)), KEEP)
            return result
        sealed = cache.get(name)
        if sealed is not None:
            try:
                return pickle.loads(_fernet(key).decrypt(sealed))  # noqa: S301
            except InvalidToken:
                break
        time.sleep(POLL)  # the first request is still making it
    raise ValidationError(
        _("This form was already sent. Reload the page to see what it made.")
    )


class SubmitOnceMiddleware:
    """The same for every form (`js/forms.js` gives each POST form its key): a repeat of a
    form that ended in a redirect (a double click, a resend after a lost answer) is sent
    to the same place and the view does not run again, so nothing is made twice.

    A repeat is the same key, user, address and fields (a form that stays on the page and
    is sent again with other values is a new request). Only redirects without cookies are
    kept (a Location, never a page): a form that answered with a page (its errors, a token
    shown once, which `submit_once` itself keeps) runs again. Uploads (multipart) are left
    to their own checks: reading their body here would fix the upload handlers too early.
    Runs after the CSRF check (`process_view`), so only a valid form is answered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            response = self.get_response(request)
        except BaseException:
            self._release(request)
            raise
        name = getattr(request, "_submit_once_name", None)
        if name is not None:
            location = _kept_location(response)
            if location is None:
                self._release(request)
            else:
                cache.set(name, location, KEEP)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        name = _repeat_name(request)
        if name is None:
            return None
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            location = cache.get(name)
            if location is not None:
                return HttpResponseRedirect(location)
            if cache.add(f"{name}:running", True, KEEP):
                request._submit_once_name = name
                return None
            time.sleep(POLL)  # the first request is still running
        return None  # the first is stuck: let this one run as any request would

    @staticmethod
    def _release(request: HttpRequest) -> None:
        name = getattr(request, "_submit_once_name", None)
        if name is not None:
            cache.delete(f"{name}:running")


def _repeat_name(request: HttpRequest) -> str | None:
    """The cache name of this form's sending, or None where repeats are not looked for."""
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    if request.content_type != "application/x-www-form-urlencoded":
        return None
    key = request.POST.get(FIELD, "")
    if not 20 <= len(key) <= 100:
        return None
    fields = sorted(
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", FIELD)
        for value in values
    )
    digest = hashlib.sha256(
        repr((request.user.pk, request.path, key, fields)).encode()
    ).hexdigest()
    return f"submit-once-page:{digest}"


def _kept_location(response: HttpResponse) -> str | None:
    """Where a redirect sends the browser, when it sets no cookie."""
    if response.cookies or getattr(response, "streaming", False):
        return None
    if response.status_code in (301, 302, 303):
        return response["Location"]
    return None

"""The API's guard, as `partnerships.access.partnership_view` is the pages' guard.

`KeyAuth(scope)` guards each operation before its body is read: the bearer token must be
a usable key whose maker is still a member (401); the rate limit per key (429); the
partnership in the path must be the key's (404, as a guessed URL of the pages gets); the
key must hold `scope` and its maker that scope's permission, about the key's school for
a school scope (403); a school in the path must be the key's (404). `operation` then
runs the operation inside `scope(partnership=…)`, in the request's language, with every
access-log entry naming the key.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from django_scopes import scope
from ninja.security import HttpBearer

from doorlopend.audit.services import acting_through
from doorlopend.partnerships.access import membership_for

from . import services
from .models import ApiToken
from .problems import ApiProblem, language_of
from .scopes import SCOPES


class KeyAuth(HttpBearer):
    """A bearer key that holds `scope` (the OpenAPI scheme is the same for each)."""

    def __init__(self, scope_key: str):
        self.needed = SCOPES[scope_key]  # an unknown scope fails at import time
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        key = services.token_resolve(token.strip()) if token else None
        if key is None or key.created_by is None:
            return None
        membership = membership_for(user=key.created_by, slug=key.partnership.slug)
        if membership is None:  # its maker left the partnership: the key ends too
            return None
        with translation.override(language_of(request)):
            self._guard(request, key, membership)
        request.api_membership = membership
        request.api_school = key.organisation
        return key

    def _guard(self, request: HttpRequest, key: ApiToken, membership) -> None:
        if is_ratelimited(
            request,
            group="api",
            key=lambda group, request: key.token_hash,
            rate=settings.API_RATE,
            increment=True,
        ):
            raise ApiProblem(
                429, _("Wait a minute before the next request with this key.")
            )
        services.token_touch(key)
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        if kwargs.get("slug") != key.partnership.slug:
            raise ApiProblem(404, _("This key is for another partnership."))
        needed, school = self.needed, key.organisation
        allowed = (
            membership.has_perm(needed.perm, school)
            if needed.school
            else membership.has_perm(needed.perm)
        )
        if needed.key not in key.scopes or not allowed:
            raise ApiProblem(403, _("This key may not do this."))
        school_id = kwargs.get("school_id")
        if school_id is not None and (
            school is None or str(school.pk) != str(school_id)
        ):
            raise ApiProblem(404, _("This key is for another school."))


def operation(func: Callable) -> Callable:
    """Run an operation the key's guard let through: scoped, logged with the key."""

    @wraps(func)
    def wrapped(request: HttpRequest, *args, **kwargs):
        key: ApiToken = request.auth
        with (
            translation.override(language_of(request)),
            scope(partnership=key.partnership),
            acting_through(f"API key “{key.name}” (#{key.pk})"),
        ):
            return func(request, *args, **kwargs)

    return wrapped

"""One spelling of a login name, shared by authentication and the lockout (django-axes).

People type their e-mail address in any case and with stray spaces; authentication finds
the account whatever the spelling (`UserManager.get_by_natural_key`). The lockout must
count failures under the same key, or every case variant would get a fresh set of tries.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def login_key(username: str | None) -> str:
    """The form in which a typed login name identifies an account: trimmed, lower-case.

    Addresses are stored lower-case (`UserManager._create`, `user_create`), and
    authentication compares case-insensitively, so two spellings that differ only in case or
    surrounding spaces name the same account.
    """
    return (username or "").strip().lower()


def axes_username(request: HttpRequest | None, credentials: dict | None = None) -> str:
    """AXES_USERNAME_CALLABLE: the login name from the credentials or the posted form."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        return login_key(credentials.get(field))
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    return login_key(data.get(field))

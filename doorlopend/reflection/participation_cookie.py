"""A participant's phone: the signed cookie that brings them back, and the wrong-code limit.

The cookie holds "<join code>:<token>", signed. Its name carries the session's pk and the
token is looked up within that session only, so a cookie of one session opens no other.
The code in it lets a phone whose session has closed hear "closed" instead of "unknown".

Wrong codes are counted per IP address, right codes never, and a right code gets in even
from an address over the limit: a hall of phones behind one school's address must all get
in, whatever one prankster on that network types. The limit makes a code that leads
nowhere answer 429; it cannot stop a script that ignores the 429 from learning which of its
guesses is right (that answer differs), so against guessing the defence is the code space
(24⁶ ≈ 191 million codes) and the few sessions open at one time. django-ratelimit keeps only a hash of the address as a cache key,
for the window of REFLECTION_JOIN_FAILURE_RATE; no reflection table ever holds it.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from . import selectors
from .models import Participant, Session

SALT = "reflection.participant"
PREFIX = "reflectie-"
LIMIT_GROUP = "reflection-join-failure"


def cookie_name(session: Session) -> str:
    return f"{PREFIX}{session.pk}"


def _max_age() -> timedelta:
    return timedelta(days=settings.REFLECTION_PARTICIPANT_COOKIE_DAYS)


def _read(request: HttpRequest, name: str) -> tuple[str, str] | None:
    """(code, token) from a cookie we signed and that has not expired, else None."""
    value = request.get_signed_cookie(name, default=None, salt=SALT, max_age=_max_age())
    if not value or ":" not in value:
        return None
    code, _, token = value.partition(":")
    return code, token


def participant_from_cookie(
    request: HttpRequest, session: Session
) -> Participant | None:
    found = _read(request, cookie_name(session))
    if found is None:
        return None
    return selectors.participant_for_token(session=session, token=found[1])


def session_and_token(request: HttpRequest, code: str) -> tuple[int, str] | None:
    """(session pk, token) of this phone's cookie for `code`, without a query: the
    cookie's name holds the pk. The caller's statement checks that they still belong
    together (the code, the session, the token); the signature, that we made them."""
    for name in request.COOKIES:
        if name.startswith(PREFIX) and name[len(PREFIX) :].isdigit():
            found = _read(request, name)
            if found is not None and found[0] == code and found[1]:
                return int(name[len(PREFIX) :]), found[1]
    return None


def cookie_set(
    response: HttpResponse,
    *,
    request: HttpRequest,
    session: Session,
    participant: Participant,
) -> None:
    response.set_signed_cookie(
        cookie_name(session),
        f"{session.join_code}:{participant.token}",
        salt=SALT,
        max_age=int(_max_age().total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
    )


def joined_with_code(request: HttpRequest, code: str) -> bool:
    """Whether this phone once joined the session of `code` (now closed: it is not found)."""
    return any(
        (found := _read(request, name)) is not None and found[0] == code
        for name in request.COOKIES
        if name.startswith(PREFIX)
    )


def join_failure_count(request: HttpRequest) -> bool:
    """Count one wrong code; True when this address is over the limit with it.

    Only called for a code that leads nowhere: a right code is neither counted nor
    refused, whatever else came from its address.
    """
    return is_ratelimited(
        request,
        group=LIMIT_GROUP,
        key="ip",
        rate=settings.REFLECTION_JOIN_FAILURE_RATE,
        increment=True,
    )


def limited_message() -> str:
    return _("Too many wrong codes from this network; try again in a few minutes.")


def code_refusal(request: HttpRequest, code: str) -> tuple[str, int]:
    """What to tell a phone whose code leads nowhere, and the status: closed, limited, unknown.

    A phone that joined this code's session is told it closed, and is not counted: it
    typed nothing wrong. Every other miss counts towards the network's limit.
    """
    if joined_with_code(request, code):
        return _("This session is closed; your answers have been kept."), 200
    if join_failure_count(request):
        return limited_message(), 429
    message = _(
        "There is no open session with this code. Check the code on the screen."
    )
    return message, 404

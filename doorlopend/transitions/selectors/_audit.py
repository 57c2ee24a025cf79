"""The one call every pupil selector makes: an access-log entry with the school."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Membership, Organisation

from ..models import Pupil


def stored(text, params: dict | None = None) -> str:
    """Text kept in the log, in the site's language whoever asked (pass lazy strings)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text) % params if params else str(text)


def log_pupils(
    *,
    viewer: Membership,
    action: Action | str,
    pupils: Iterable[Pupil],
    purpose,
    school: Organisation,
    request: HttpRequest | None = None,
    label="",
) -> None:
    """One entry for the pupils shown (deduplicated, in order); nothing shown, no entry."""
    seen: dict[int, Pupil] = {}
    for pupil in pupils:
        seen.setdefault(pupil.pk, pupil)
    if not seen:
        return
    record(
        actor=viewer.user,
        action=action,
        objects=list(seen.values()),
        purpose=stored(purpose),
        # The guard loaded the partnership already; the school's is the same one.
        partnership=getattr(request, "partnership", None) or school.partnership,
        organisation=school,
        request=request,
        label=stored(label),
    )

"""API keys: made, revoked, resolved and touched.

Only the SHA-256 of a key's token is stored (`core.tokens.SecretToken`, as the dossier's
personal links): the token is shown once, when the key is made.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership, Organisation

from .models import ApiToken
from .scopes import PARTNERSHIP_KEYS, SCHOOL_KEYS, SCOPES

MAX_DAYS = 366  # a key lives a year at most: a forgotten one ends by itself


def _check_scopes(
    by: Membership, scopes: list[str], school: Organisation | None
) -> dict:
    problems: dict[str, str] = {}
    if not scopes:
        problems["scopes"] = _("Choose at least one thing the key may do.")
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        problems["scopes"] = _("Unknown scope: %(scope)s.") % {
            "scope": ", ".join(unknown)
        }
        return problems
    for key in scopes:
        scope = SCOPES[key]
        if scope.school != (school is not None):
            problems["scopes"] = (
                _("A key for a school only sends and reads that school's pupils.")
                if school is not None
                else _("Choose the school for a key that sends or reads pupils.")
            )
        elif scope.school and not (
            by.has_perm(SCHOOL_KEYS) and by.has_perm(scope.perm, school)
        ):
            problems["organisation"] = _(
                "You can only make a key for a school where you are decaan."
            )
        elif not scope.school and not (
            by.has_perm(PARTNERSHIP_KEYS) and by.has_perm(scope.perm)
        ):
            problems["scopes"] = _(
                "Only the coördinator makes keys for the partnership."
            )
    return problems


@transaction.atomic
def token_create(
    *,
    by: Membership,
    name: str,
    scopes: list[str],
    expires_on: datetime.date,
    school: Organisation | None = None,
) -> tuple[ApiToken, str]:
    """A new key acting as `by`, for `scopes` (all of the partnership, or all about
    `school`, where `by` must hold each scope's permission); returns it and its token,
    which is never stored. Expires at the end of `expires_on`, within MAX_DAYS."""
    today = timezone.localdate()
    problems = _check_scopes(by, list(scopes), school)
    if school is not None and school.partnership_id != by.partnership_id:
        problems["organisation"] = _("This school is not in the partnership.")
    if expires_on <= today:
        problems["expires_on"] = _("Choose a date after today.")
    elif expires_on > today + datetime.timedelta(days=MAX_DAYS):
        problems["expires_on"] = _("A key works for a year at most.")
    if problems:
        raise ValidationError(problems)
    end_of_day = datetime.datetime.combine(
        expires_on, datetime.time.max, tzinfo=timezone.get_current_timezone()
    )
    key, token = ApiToken.new(
        partnership=by.partnership,
        name=name.strip(),
        organisation=school,
        scopes=sorted(set(scopes)),
        created_by=by.user,
        expires_at=end_of_day,
    )
    key.full_clean()
    key.save()
    return key, token


@transaction.atomic
def token_revoke(*, key: ApiToken, by: Membership) -> None:
    """Revoke `key` at once; revoking it twice changes nothing."""
    ApiToken.objects.filter(pk=key.pk).revoke(by=by.user)


def token_resolve(token: str) -> ApiToken | None:
    """The usable key whose token this is (with its partnership and maker), or None for
    an unknown, expired or revoked one."""
    # Before the scope exists, as the tenancy guard looks up a membership: the token
    # names its partnership; nothing else is read here.
    with scopes_disabled():
        key = (
            ApiToken.objects.select_related("partnership", "created_by", "organisation")
            .of_token(token)
            .first()
        )
    if key is None or not key.is_usable:
        return None
    return key


def token_touch(key: ApiToken) -> None:
    """Record the use shown on the keys page (at most once per TOUCH_EVERY)."""
    key.touch()

"""The personal links of pupils and parents: made, revoked, renewed and resolved.

Only the SHA-256 of a token is stored. The token (32 random bytes) is shown once, when the
link is made; nobody can read it back, so a lost link is renewed, not looked up.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership

from ..choices import Actor
from ..models import Dossier, DossierLink

LINK_DAYS = 30
MAX_PARENT_LINKS = 2  # active parent links per dossier


def _new(
    dossier: Dossier,
    kind: str,
    by: Membership | None,
    until: datetime.datetime | None = None,
) -> tuple[DossierLink, str]:
    expires_at = timezone.now() + datetime.timedelta(days=LINK_DAYS)
    link, token = DossierLink.new(
        partnership_id=dossier.partnership_id,
        dossier=dossier,
        kind=kind,
        created_by=by.user if by else None,
        expires_at=min(expires_at, until) if until else expires_at,
    )
    link.save()
    return link, token


@transaction.atomic
def link_create(*, dossier: Dossier, by: Membership | None) -> tuple[DossierLink, str]:
    """A new pupil link (the decaan; None only for the demo loader); an older one stops
    working (renewing is this)."""
    if dossier.kept_elsewhere_handed_on:
        raise ValidationError(_("This dossier is kept outside Doorlopend."))
    dossier.links.filter(kind=Actor.PUPIL).revoke(by=by.user if by else None)
    return _new(dossier, Actor.PUPIL, by)


@transaction.atomic
def link_revoke(*, dossier: Dossier, by: Membership, kind: str | None = None) -> int:
    """Revoke the dossier's active links (of one kind, or all); returns how many."""
    links = dossier.links.all()
    if kind:
        links = links.filter(kind=kind)
    return links.revoke(by=by.user)


@transaction.atomic
def parent_link_create(*, link: DossierLink) -> tuple[DossierLink, str]:
    """The pupil invites a parent: a link the pupil shares; it ends when the pupil's
    link ends at the latest."""
    if link.kind != Actor.PUPIL:
        raise ValidationError(_("Only the pupil can invite a parent."))
    active = link.dossier.links.filter(kind=Actor.PARENT).usable()
    if active.count() >= MAX_PARENT_LINKS:
        raise ValidationError(
            _("You already invited %(count)s parents. Ask your decaan for help.")
            % {"count": MAX_PARENT_LINKS}
        )
    return _new(link.dossier, Actor.PARENT, None, until=link.expires_at)


def link_resolve(token: str) -> DossierLink | None:
    """The link of `token`, usable or not (the caller tells expired from revoked); None
    for a token nobody made."""
    if not token or len(token) > 100:
        return None
    # The token is the key: no partnership is known yet (as a reflection join code).
    with scopes_disabled():
        return (
            DossierLink.objects.select_related(
                "dossier__transition__pupil",
                "dossier__transition__sending_organisation",
                "dossier__partnership",
            )
            .of_token(token)
            .first()
        )


def link_touch(link: DossierLink) -> None:
    """Record the use shown in the dossier's inspection (at most once per minute)."""
    link.touch()

"""The partnership's choices: whether its aggregates count nationally, and its public
progress page."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership

from .models import Figure, NationalParticipation, ProgressPage


@transaction.atomic
def participation_set(
    *, partnership: Partnership, takes_part: bool, by: Membership
) -> NationalParticipation:
    """Opt in or out of the national picture; the effect is immediate (who counts is
    read per request, the daily cache holds every partnership's means)."""
    participation, _created = NationalParticipation.objects.update_or_create(
        partnership=partnership, defaults={"takes_part": takes_part}
    )
    return participation


def _token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def progress_page_set(
    *,
    partnership: Partnership,
    is_public: bool,
    figures: list[str],
    noindex: bool,
    new_link: bool = False,
    by: Membership,
) -> ProgressPage:
    """Switch the public progress page on or off and choose its figures. The link stays
    the same unless a new one is asked for: then the old link stops working at once."""
    unknown = set(figures) - set(Figure.values)
    if unknown:
        raise ValidationError({"figures": _("Choose figures from the list.")})
    page = ProgressPage.objects.filter(partnership=partnership).first()
    if page is None:
        page = ProgressPage(partnership=partnership, token=_token())
    elif new_link:
        page.token = _token()
    page.is_public = is_public
    page.figures = [f for f in Figure.values if f in figures]
    page.noindex = noindex
    page.full_clean()
    page.save()
    return page

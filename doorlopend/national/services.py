"""The partnership's choice whether its aggregates count nationally."""

from django.db import transaction

from doorlopend.partnerships.models import Membership, Partnership

from .models import NationalParticipation


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

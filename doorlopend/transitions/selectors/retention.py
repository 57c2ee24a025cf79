"""Reads for retention: who is due for erasure, and until when a pupil's data is kept.

The rule is stated in `services.retention`, which announces and erases; these reads only
count, so the privacy officer's report and the daily run agree on who is due.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from django_scopes import scope

from doorlopend.partnerships.models import Organisation, Partnership

from ..models import Pupil, Transition


def school_year_start(on: datetime.date) -> int:
    """The calendar year in which the school year of `on` began (1 August)."""
    return on.year if on.month >= 8 else on.year - 1


def erase_after(final_on: datetime.date, years: int | None = None) -> datetime.date:
    """The last day a pupil's data is kept when their latest transition became final then."""
    years = settings.TRANSITIONS_RETENTION_YEARS if years is None else years
    return datetime.date(school_year_start(final_on) + 1 + years, 7, 31)


def final_before(today: datetime.date, years: int | None = None) -> datetime.date:
    """Pupils whose latest final date lies before this day are due on `today`."""
    years = settings.TRANSITIONS_RETENTION_YEARS if years is None else years
    return datetime.date(school_year_start(today) - years, 8, 1)


@dataclass(frozen=True)
class DuePupil:
    """A pupil due for erasure: no name, only what the report needs."""

    pupil_id: int
    school_ids: tuple[int, ...]
    cohorts: tuple[int, ...]
    final_on: datetime.date
    erase_after: datetime.date
    announced_at: datetime.datetime | None


def _due_pupils(
    *, partnership: Partnership, today: datetime.date, organisation=None
) -> QuerySet[Pupil]:
    pupils = (
        Pupil.objects.filter(partnership=partnership, erased_at__isnull=True)
        .annotate(
            last_final=Max("transitions__final_on"),
            open_count=Count(
                "transitions", filter=Q(transitions__final_on__isnull=True)
            ),
        )
        .filter(open_count=0, last_final__lt=final_before(today))
    )
    if organisation is not None:
        at_school = Transition.objects.filter(pupil=OuterRef("pk")).filter(
            Q(sending_organisation=organisation)
            | Q(receiving_organisation=organisation)
        )
        pupils = pupils.filter(Exists(at_school))
    return pupils.order_by("pk")


def retention_due(
    *,
    partnership: Partnership,
    organisation: Organisation | None = None,
    today: datetime.date | None = None,
) -> list[DuePupil]:
    """The pupils due for erasure on `today` (of one school if given); two queries."""
    today = today or timezone.localdate()
    with scope(partnership=partnership):
        rows = list(
            _due_pupils(
                partnership=partnership, today=today, organisation=organisation
            ).values_list("pk", "last_final", "erase_announced_at")
        )
        schools: dict[int, set[int]] = defaultdict(set)
        cohorts: dict[int, set[int]] = defaultdict(set)
        transitions = Transition.objects.filter(
            pupil_id__in=[pk for pk, _f, _a in rows]
        ).values_list(
            "pupil_id", "cohort", "sending_organisation_id", "receiving_organisation_id"
        )
        for pupil_id, cohort, sending, receiving in transitions.order_by():
            cohorts[pupil_id].add(cohort)
            schools[pupil_id].update(s for s in (sending, receiving) if s)
    return [
        DuePupil(
            pupil_id=pk,
            school_ids=tuple(sorted(schools[pk])),
            cohorts=tuple(sorted(cohorts[pk])),
            final_on=last_final,
            erase_after=erase_after(last_final),
            announced_at=announced_at,
        )
        for pk, last_final, announced_at in rows
    ]

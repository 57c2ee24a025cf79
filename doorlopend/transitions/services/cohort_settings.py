"""The dates the signals of one year of transitions use: registration deadline, start check,
and the doorstroomdossier's "complete by" and "read by".

Without a `CohortSettings` row a year uses the defaults (1 April and 1 October of the year
of transition: the national early-registration deadline and the start of the school year's
first month; for the dossier 1 April and 1 June). A coördinator may move them per year;
the signals are re-evaluated at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership

from ..models import CohortSettings, Transition

if TYPE_CHECKING:
    from .signals import RefreshResult


@dataclass(frozen=True)
class CohortDates:
    cohort: int
    registration_deadline: datetime.date
    start_check_on: datetime.date
    default_deadline: datetime.date
    default_start_check: datetime.date
    # Whether a row holds dates set by a coördinator (else all are the defaults).
    customised: bool
    transition_count: int = 0
    dossier_complete_by: datetime.date | None = None
    dossier_read_by: datetime.date | None = None

    @property
    def deadline_is_default(self) -> bool:
        return self.registration_deadline == self.default_deadline

    @property
    def start_check_is_default(self) -> bool:
        return self.start_check_on == self.default_start_check


def cohort_dates(*, partnership: Partnership, cohorts) -> dict[int, CohortDates]:
    """The dates of each of `cohorts` (set or default), in one query."""
    rows = {
        row.cohort: row
        for row in CohortSettings.objects.filter(
            partnership=partnership, cohort__in=list(cohorts)
        )
    }
    return {cohort: _dates(cohort, rows.get(cohort)) for cohort in cohorts}


def _dates(cohort: int, row: CohortSettings | None, count: int = 0) -> CohortDates:
    deadline = CohortSettings.default_deadline(cohort)
    start_check = CohortSettings.default_start_check(cohort)
    return CohortDates(
        cohort=cohort,
        registration_deadline=row.registration_deadline if row else deadline,
        start_check_on=row.start_check_on if row else start_check,
        default_deadline=deadline,
        default_start_check=start_check,
        customised=row is not None,
        transition_count=count,
        dossier_complete_by=(row and row.dossier_complete_by)
        or CohortSettings.default_dossier_complete_by(cohort),
        dossier_read_by=(row and row.dossier_read_by)
        or CohortSettings.default_dossier_read_by(cohort),
    )


def cohort_dates_list(
    *, partnership: Partnership, today: datetime.date | None = None
) -> list[CohortDates]:
    """Every year the partnership has transitions or dates for, and the coming year; newest first."""
    today = today or timezone.localdate()
    counts = dict(
        Transition.objects.filter(partnership=partnership)
        .order_by()
        .values_list("cohort")
        .annotate(n=Count("pk"))
    )
    rows = {r.cohort: r for r in CohortSettings.objects.filter(partnership=partnership)}
    # This year's and next year's leavers can be set up before any file arrives.
    years = set(counts) | set(rows) | {today.year, today.year + 1}
    return [
        _dates(year, rows.get(year), counts.get(year, 0))
        for year in sorted(years, reverse=True)
    ]


def cohort_dates_validate(
    *,
    cohort: int,
    registration_deadline: datetime.date,
    start_check_on: datetime.date,
    dossier_complete_by: datetime.date | None = None,
    dossier_read_by: datetime.date | None = None,
) -> None:
    """The deadline lies in the year of transition; the start check comes after it. The
    dossier is complete in the year of transition and read after it is complete."""
    errors = {}
    if dossier_complete_by and dossier_complete_by.year != cohort:
        errors["dossier_complete_by"] = _(
            "The date the dossier is complete by must lie in %(year)s, the year of transition."
        ) % {"year": cohort}
    elif (
        dossier_complete_by
        and dossier_read_by
        and dossier_read_by < dossier_complete_by
    ):
        errors["dossier_read_by"] = _(
            "The date the dossier is read by cannot come before the date it is complete by."
        )
    if registration_deadline.year != cohort:
        errors["registration_deadline"] = _(
            "The registration deadline must lie in %(year)s, the year of transition."
        ) % {"year": cohort}
    if start_check_on <= registration_deadline:
        errors["start_check_on"] = _(
            "The start check must come after the registration deadline."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def cohort_dates_save(
    *,
    partnership: Partnership,
    cohort: int,
    registration_deadline: datetime.date,
    start_check_on: datetime.date,
    dossier_complete_by: datetime.date | None = None,
    dossier_read_by: datetime.date | None = None,
    today: datetime.date | None = None,
) -> RefreshResult:
    """Set the dates of one year and re-evaluate the signals at once (opened, closed).

    An empty dossier date is its default. Dates equal to all defaults remove the row, so
    that the year follows the defaults again.
    """
    from .signals import signals_refresh_detail

    dossier_complete_by = (
        dossier_complete_by or CohortSettings.default_dossier_complete_by(cohort)
    )
    dossier_read_by = dossier_read_by or CohortSettings.default_dossier_read_by(cohort)
    cohort_dates_validate(
        cohort=cohort,
        registration_deadline=registration_deadline,
        start_check_on=start_check_on,
        dossier_complete_by=dossier_complete_by,
        dossier_read_by=dossier_read_by,
    )
    defaults = (
        CohortSettings.default_deadline(cohort),
        CohortSettings.default_start_check(cohort),
        CohortSettings.default_dossier_complete_by(cohort),
        CohortSettings.default_dossier_read_by(cohort),
    )
    dates = (
        registration_deadline,
        start_check_on,
        dossier_complete_by,
        dossier_read_by,
    )
    if dates == defaults:
        CohortSettings.objects.filter(partnership=partnership, cohort=cohort).delete()
    else:
        row = CohortSettings.objects.filter(
            partnership=partnership, cohort=cohort
        ).first() or CohortSettings(partnership=partnership, cohort=cohort)
        row.registration_deadline = registration_deadline
        row.start_check_on = start_check_on
        row.dossier_complete_by = dossier_complete_by
        row.dossier_read_by = dossier_read_by
        row.full_clean()
        row.save()
    return signals_refresh_detail(partnership=partnership, today=today)

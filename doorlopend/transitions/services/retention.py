"""Retention: a pupil's personal data is erased a set time after their transition is final.

The rule (issue 5, "Retention"): a school year runs from 1 August to 31 July. A pupil is due
for erasure after the end of the `TRANSITIONS_RETENTION_YEARS`-th school year following the
school year in which the latest of their transitions became final (`final_on`). With the
default of 1: final on 1 September 2026 (school year 2026-27) → erased after 31 July 2028.
A pupil with any transition that is not final is not due.

Erasure never comes as a surprise: a dry run first announces the due pupils
(`erase_announced_at`, shown to the school's privacy officer in the retention report);
only pupils announced at least `TRANSITIONS_RETENTION_NOTICE_DAYS` days earlier are erased,
through `erasure.pupils_erase`. Transitions stay, without a person behind them: the
aggregates are unchanged.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
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


@dataclass
class SchoolLine:
    partnership: str
    school: str
    due: int = 0
    announced: int = 0
    waiting: int = 0
    erased: int = 0
    first_erase_after: datetime.date | None = None


@dataclass
class RetentionReport:
    today: datetime.date
    applied: bool
    lines: list[SchoolLine] = field(default_factory=list)
    announced: int = 0
    erased: int = 0
    withdrawn: int = 0
    # The earliest day an announced pupil may be erased (the end of the notice period).
    erase_from: datetime.date | None = None


def _moment(today: datetime.date) -> datetime.datetime:
    """The time stamp for `today`: now, or the start of a simulated day (--today)."""
    if today == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


def _notice_cutoff(today: datetime.date) -> datetime.datetime:
    """Announced before this moment = announced at least the notice period ago."""
    days = settings.TRANSITIONS_RETENTION_NOTICE_DAYS
    day = today - datetime.timedelta(days=days - 1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def retention_run(
    *, today: datetime.date | None = None, apply: bool = False
) -> RetentionReport:
    """Announce the pupils due for erasure; with `apply`, erase those announced long enough ago.

    Pupils announced earlier who are no longer due (a new transition arrived) lose their
    announcement, so that they get a fresh notice when they are due again.
    """
    today = today or timezone.localdate()
    report = RetentionReport(
        today=today,
        applied=apply,
        erase_from=today
        + datetime.timedelta(days=settings.TRANSITIONS_RETENTION_NOTICE_DAYS),
    )
    for partnership in Partnership.objects.order_by("name"):
        with scope(partnership=partnership):
            _run_one(partnership=partnership, today=today, apply=apply, report=report)
    return report


def _run_one(*, partnership, today, apply, report: RetentionReport) -> None:
    due = retention_due(partnership=partnership, today=today)
    due_ids = [d.pupil_id for d in due]
    report.withdrawn += (
        Pupil.objects.filter(partnership=partnership, erase_announced_at__isnull=False)
        .filter(erased_at__isnull=True)
        .exclude(pk__in=due_ids)
        .update(erase_announced_at=None)
    )
    if not due:
        return
    cutoff = _notice_cutoff(today)
    ripe = {
        d.pupil_id
        for d in due
        if d.announced_at is not None and d.announced_at < cutoff
    }
    fresh = {d.pupil_id for d in due if d.announced_at is None}
    erased = set()
    if apply and ripe:
        erased = ripe
        report.erased += _erase(partnership=partnership, pupil_ids=ripe)
    if fresh:
        report.announced += Pupil.objects.filter(pk__in=fresh).update(
            erase_announced_at=_moment(today)
        )
    names = dict(
        Organisation.objects.filter(partnership=partnership).values_list("pk", "name")
    )
    lines: dict[int | None, SchoolLine] = {}
    for d in due:
        for school_id in d.school_ids or (None,):
            line = lines.setdefault(
                school_id,
                SchoolLine(
                    partnership=partnership.name,
                    school=names.get(school_id, "–"),
                ),
            )
            line.due += 1
            line.announced += d.pupil_id in fresh
            line.erased += d.pupil_id in erased
            line.waiting += d.pupil_id not in fresh and d.pupil_id not in erased
            if line.first_erase_after is None or d.erase_after < line.first_erase_after:
                line.first_erase_after = d.erase_after
    report.lines += sorted(lines.values(), key=lambda line: line.school)


def _erase(*, partnership: Partnership, pupil_ids: set[int]) -> int:
    from .erasure import pupils_erase

    with translation.override(settings.LANGUAGE_CODE):
        purpose = _("retention period ended")
    return pupils_erase(
        pupils=Pupil.objects.filter(partnership=partnership, pk__in=pupil_ids),
        by=None,
        purpose=purpose,
        partnership=partnership,
    )

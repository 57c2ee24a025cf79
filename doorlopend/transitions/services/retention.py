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
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from doorlopend.partnerships.models import Organisation, Partnership

from ..models import Pupil
from ..selectors.retention import retention_due


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

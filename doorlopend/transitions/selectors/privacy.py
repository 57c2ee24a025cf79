"""What a school's privacy officer reads: the school's access log and the retention
report. Ids, dates and purposes only — never a pupil's name (their role holds no
`transitions.pupils`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from doorlopend.audit.models import AccessLogEntry
from doorlopend.partnerships.models import Membership, Organisation

from ..access import school_where
from . import retention


def school_for_privacy(membership: Membership, organisation_id: int) -> Organisation:
    """The school in the URL if the member is its privacy officer, else 404."""
    return school_where(membership, "transitions.privacy", organisation_id)


def access_log(
    *,
    school: Organisation,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    action: str = "",
) -> QuerySet[AccessLogEntry]:
    """The school's entries, newest first; both dates inclusive (local dates)."""
    entries = AccessLogEntry.objects.filter(organisation=school)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    if action:
        entries = entries.filter(action=action)
    return entries.order_by("-at", "-pk")


@dataclass
class RetentionRow:
    pupil_id: int
    cohorts: tuple[int, ...]
    final_on: datetime.date
    kept_until: datetime.date
    announced_on: datetime.date | None
    # The first day the daily run may erase: the notice period after the announcement.
    erase_from: datetime.date | None


def retention_rows(*, partnership, school: Organisation) -> list[RetentionRow]:
    """The retention dry-run for the school (`retention.retention_due`), as ids
    and dates: whose data is due for erasure, since when announced, erased from when."""
    notice = datetime.timedelta(days=settings.TRANSITIONS_RETENTION_NOTICE_DAYS)
    rows = []
    for due in retention.retention_due(partnership=partnership, organisation=school):
        announced = timezone.localdate(due.announced_at) if due.announced_at else None
        rows.append(
            RetentionRow(
                pupil_id=due.pupil_id,
                cohorts=due.cohorts,
                final_on=due.final_on,
                kept_until=due.erase_after,
                announced_on=announced,
                erase_from=announced + notice if announced else None,
            )
        )
    return rows

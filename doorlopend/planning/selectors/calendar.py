"""What goes into the plan's calendars, and a member's feeds.

The partnership's download holds all its activities, goal deadlines and milestones from
a year ago on, and the public and school holidays (of its region) from a year ago to two
years ahead. A member's private feed is personal: the activities they are listed on as
one of the people (ActivityPerson) and their own open tasks with a due date — not every
activity of the partnership, which would flood a teacher's agenda with meetings they do
not attend. Four queries at most, whatever the number of rows.
"""

from __future__ import annotations

import datetime

from django.db.models import F, QuerySet
from django.utils import timezone

from doorlopend.partnerships.models import Membership, Partnership

from ..ics import CalendarData
from ..models import (
    Activity,
    ActivityApproval,
    CalendarFeed,
    Goal,
    Milestone,
    Task,
    TaskStatus,
)
from ..school_calendar import days_off

HISTORY = datetime.timedelta(days=365)
AHEAD = datetime.timedelta(days=2 * 365)  # holidays in the download, from a year ago


def _since() -> datetime.datetime:
    return timezone.now() - HISTORY


def partnership_calendar(*, partnership: Partnership) -> CalendarData:
    since = _since()
    return CalendarData(
        activities=Activity.objects.filter(
            partnership=partnership,
            starts_at__gte=since,
            approval=ActivityApproval.CONFIRMED,
        ),
        goals=Goal.objects.filter(
            partnership=partnership, deadline__gte=since.date()
        ).only("pk", "title", "deadline"),
        milestones=Milestone.objects.filter(
            assignment__partnership=partnership, date__gte=since.date()
        ).annotate(school=F("assignment__organisation__name")),
        days_off=days_off(
            region=partnership.school_region,
            start=since.date(),
            end=since.date() + HISTORY + AHEAD,
        ),
    )


def member_calendar(*, membership: Membership) -> CalendarData:
    since = _since()
    return CalendarData(
        activities=Activity.objects.filter(
            partnership_id=membership.partnership_id,
            people__membership=membership,
            starts_at__gte=since,
            approval=ActivityApproval.CONFIRMED,
        ).distinct(),
        tasks=Task.objects.filter(
            partnership_id=membership.partnership_id,
            owner=membership,
            due_date__isnull=False,
        )
        .exclude(status=TaskStatus.DONE)
        .only("pk", "title", "due_date"),
    )


def active_feeds(*, membership: Membership) -> QuerySet[CalendarFeed]:
    """The member's feeds that still work, newest first."""
    return CalendarFeed.objects.filter(membership=membership, revoked_at__isnull=True)

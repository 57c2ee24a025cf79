"""The timeline of the plan: goals' deadlines, activities and milestones by month.

A school year runs from 1 August to 31 July and is named by the year it starts in
(`?jaar=2026` is 2026-2027). Three queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from doorlopend.partnerships.models import Membership, Partnership

from ..models import Activity, ActivityApproval, ActivityStatus, Goal, Milestone

GOAL, ACTIVITY, MILESTONE = "goal", "activity", "milestone"
PLAN_WEEKS = 4


def school_year_of(day: datetime.date) -> int:
    """The year the school year of `day` started in."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 8, 1), datetime.date(year + 1, 7, 31)


@dataclass
class Item:
    date: datetime.date
    kind: str  # GOAL, ACTIVITY or MILESTONE
    title: str
    pk: int  # of the goal or activity; of the school, for a milestone
    detail: str = ""  # the school of a milestone, the type of an activity
    time: datetime.time | None = None
    done: bool = False  # a milestone reached, an activity held
    cancelled: bool = False


@dataclass
class Month:
    first: datetime.date
    items: list[Item] = field(default_factory=list)


@dataclass
class Timeline:
    year: int
    start: datetime.date
    end: datetime.date
    months: list[Month]

    @property
    def label(self) -> str:
        return f"{self.year}-{self.year + 1}"

    @property
    def count(self) -> int:
        return sum(len(m.items) for m in self.months)


def timeline_items(
    *, partnership: Partnership, start: datetime.date, end: datetime.date
) -> list[Item]:
    """Every dated thing of the plan from `start` to `end` (both included), in order."""
    items = [
        Item(g.deadline, GOAL, g.title, g.pk)
        for g in Goal.objects.filter(
            partnership=partnership, deadline__range=(start, end)
        ).only("pk", "title", "deadline")
    ]
    zone = timezone.get_current_timezone()
    first = timezone.make_aware(
        datetime.datetime.combine(start, datetime.time.min), zone
    )
    after = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min),
        zone,
    )
    for a in Activity.objects.filter(
        partnership=partnership,
        starts_at__gte=first,
        starts_at__lt=after,
        approval=ActivityApproval.CONFIRMED,
    ).only("pk", "title", "kind", "starts_at", "status"):
        local = timezone.localtime(a.starts_at, zone)
        items.append(
            Item(
                local.date(),
                ACTIVITY,
                a.title,
                a.pk,
                detail=a.get_kind_display(),
                time=local.time(),
                done=a.status == ActivityStatus.HELD,
                cancelled=a.status == ActivityStatus.CANCELLED,
            )
        )
    items += [
        Item(m.date, MILESTONE, m.title, m.school_id, detail=m.school, done=m.done)
        for m in Milestone.objects.filter(
            assignment__partnership=partnership, date__range=(start, end)
        ).annotate(
            school=F("assignment__organisation__name"),
            school_id=F("assignment__organisation_id"),
        )
    ]
    order = {GOAL: 2, ACTIVITY: 1, MILESTONE: 0}
    items.sort(
        key=lambda i: (i.date, i.time or datetime.time.min, order[i.kind], i.title)
    )
    return items


def _months(start: datetime.date, end: datetime.date) -> list[Month]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(Month(day))
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def timeline(*, partnership: Partnership, year: int) -> Timeline:
    """The school year `year`-`year + 1` month by month (12 months, empty ones too)."""
    start, end = school_year_bounds(year)
    months = _months(start, end)
    index = {(m.first.year, m.first.month): m for m in months}
    for item in timeline_items(partnership=partnership, start=start, end=end):
        index[(item.date.year, item.date.month)].items.append(item)
    return Timeline(year=year, start=start, end=end, months=months)


@dataclass
class PlanTimeline:
    start: datetime.date
    end: datetime.date
    items: list[Item]


def plan_timeline(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanTimeline:
    """The plan page's summary: what is due or happens in the next four weeks."""
    end = today + datetime.timedelta(weeks=PLAN_WEEKS)
    items = timeline_items(partnership=partnership, start=today, end=end)
    return PlanTimeline(start=today, end=end, items=items)

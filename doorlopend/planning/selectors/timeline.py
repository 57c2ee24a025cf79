"""The timeline of the plan: goals' deadlines, activities and milestones by month.

A school year runs from 1 August to 31 July and is named by the year it starts in
(`?jaar=2026` is 2026-2027). Three queries whatever the number of rows; the holidays
come from `school_calendar`, which reads files, not the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from doorlopend.partnerships.models import Membership, Partnership

from ..models import ActivityStatus
from ..school_calendar import SCHOOL, DayOff, date_warnings, days_off
from .activity_rows import confirmed_activities, goal_rows
from .assignments import partnership_assignments

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
    warnings: list[str] = field(default_factory=list)  # of an activity's date


@dataclass
class Month:
    first: datetime.date
    items: list[Item] = field(default_factory=list)
    days_off: list[DayOff] = field(default_factory=list)

    @property
    def last(self) -> datetime.date:
        return (self.first + datetime.timedelta(days=32)).replace(
            day=1
        ) - datetime.timedelta(days=1)


@dataclass
class Band:
    """A school holiday on the year's axis, placed in percent of the year."""

    day_off: DayOff
    start: float
    width: float


@dataclass
class Timeline:
    year: int
    start: datetime.date
    end: datetime.date
    months: list[Month]
    region: str = ""
    today: datetime.date | None = None

    @property
    def label(self) -> str:
        return f"{self.year}-{self.year + 1}"

    @property
    def count(self) -> int:
        return sum(len(m.items) for m in self.months)

    def _percent(self, day: datetime.date) -> float:
        length = (self.end - self.start).days + 1
        return round(100 * (day - self.start).days / length, 2)

    @property
    def bands(self) -> list[Band]:
        """The school holidays of the year as bands on its axis."""
        seen, bands = set(), []
        for month in self.months:
            for d in month.days_off:
                if d.kind != SCHOOL or d in seen:
                    continue
                seen.add(d)
                first, last = max(d.first, self.start), min(d.last, self.end)
                start = self._percent(first)
                end = self._percent(last + datetime.timedelta(days=1))
                bands.append(Band(d, start, round(end - start, 2)))
        return bands

    @property
    def marks(self) -> list[tuple[datetime.date, float]]:
        """The first day of each month and where it sits on the axis, in percent."""
        return [(m.first, self._percent(m.first)) for m in self.months]

    @property
    def today_at(self) -> float | None:
        """Where today is on the axis, in percent; None outside this school year."""
        if self.today is None or not self.start <= self.today <= self.end:
            return None
        return self._percent(self.today)


def timeline_items(
    *, partnership: Partnership, start: datetime.date, end: datetime.date
) -> list[Item]:
    """Every dated thing of the plan from `start` to `end` (both included), in order;
    an activity on a holiday or in a weekend carries its warnings."""
    items = _items(partnership=partnership, start=start, end=end)
    region = partnership.school_region
    for item in items:
        if item.kind == ACTIVITY and not item.cancelled and not item.done:
            item.warnings = date_warnings(item.date, region=region)
    return items


def _items(
    *, partnership: Partnership, start: datetime.date, end: datetime.date
) -> list[Item]:
    """The rows of the three kinds, in order; three queries (the goals', the
    activities' and the assignments' with their milestones, each shared with the plan
    page's other sections)."""
    items = [
        Item(g.deadline, GOAL, g.title, g.pk)
        for g in goal_rows(partnership=partnership)
        if start <= g.deadline <= end
    ]
    zone = timezone.get_current_timezone()
    first = timezone.make_aware(
        datetime.datetime.combine(start, datetime.time.min), zone
    )
    after = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min),
        zone,
    )
    for a in confirmed_activities(partnership=partnership):
        if not first <= a.starts_at < after:
            continue
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
        for assignment in partnership_assignments(partnership=partnership).values()
        for m in assignment.milestone_rows
        if start <= m.date <= end
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


def timeline(
    *, partnership: Partnership, year: int, today: datetime.date | None = None
) -> Timeline:
    """The school year `year`-`year + 1` month by month (12 months, empty ones too),
    with the public and school holidays of the partnership's region in each month."""
    start, end = school_year_bounds(year)
    months = _months(start, end)
    index = {(m.first.year, m.first.month): m for m in months}
    for item in timeline_items(partnership=partnership, start=start, end=end):
        index[(item.date.year, item.date.month)].items.append(item)
    region = partnership.school_region
    for d in days_off(region=region, start=start, end=end):
        for month in months:
            if d.overlaps(month.first, month.last):
                month.days_off.append(d)
    return Timeline(
        year=year, start=start, end=end, months=months, region=region, today=today
    )


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

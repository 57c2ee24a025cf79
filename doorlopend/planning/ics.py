"""The plan as an iCalendar file (RFC 5545), for a download and for a member's feed.

Activities are timed events in Europe/Amsterdam (a VTIMEZONE is included); goal
deadlines, milestones, task due dates and holidays (in the download) are all-day events. Tasks are events too, not
iCalendar to-do items: the calendars people subscribe with (Outlook, Google, Apple) show
events in a feed but mostly ignore to-do items. Each UID is fixed per object ("activity-12@…"), so a
calendar updates an event in place when the plan changes instead of adding a copy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Activity, ActivityStatus, Goal, Milestone, Task
from .school_calendar import PUBLIC, DayOff, region_label

UID_DOMAIN = "doorlopend"
ACTIVITY_HOURS = 1  # an activity without an end time lasts this long in a calendar


@dataclass
class CalendarData:
    activities: Iterable[Activity] = ()
    goals: Iterable[Goal] = ()
    milestones: Iterable[Milestone] = ()  # annotated with `school`
    tasks: Iterable[Task] = ()
    days_off: Iterable[DayOff] = ()  # public and school holidays, as all-day events


def uid(kind: str, pk: int) -> str:
    return f"{kind}-{pk}@{UID_DOMAIN}"


def _event(kind: str, pk: int, summary: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid(kind, pk))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    return event


def _all_day(event: Event, day: datetime.date) -> Event:
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def _day_off(d: DayOff, stamp) -> Event:
    if d.kind == PUBLIC:
        summary = d.name
        key = f"{d.first:%Y%m%d}"
    else:
        summary = _("%(holiday)s (region %(region)s)") % {
            "holiday": d.name[:1].upper() + d.name[1:],
            "region": region_label(d.region),
        }
        key = f"{d.first:%Y%m%d}-{d.region}"
    event = Event()
    event.add("uid", f"dayoff-{d.kind}-{key}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", d.first)
    event.add("dtend", d.last + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Holiday")])
    return event


def _activity(a: Activity, zone: ZoneInfo, stamp) -> Event:
    event = _event("activity", a.pk, a.title, stamp)
    starts = timezone.localtime(a.starts_at, zone)
    ends = a.ends_at or a.starts_at + datetime.timedelta(hours=ACTIVITY_HOURS)
    event.add("dtstart", starts)
    event.add("dtend", timezone.localtime(ends, zone))
    if a.place:
        event.add("location", a.place)
    event.add("categories", [a.get_kind_display()])
    if a.status == ActivityStatus.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_bytes(*, name: str, data: CalendarData) -> bytes:
    """The calendar called `name` holding `data`."""
    zone = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//Doorlopend//plan van aanpak//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for a in data.activities:
        cal.add_component(_activity(a, zone, stamp))
    for g in data.goals:
        summary = _("Goal deadline: %(title)s") % {"title": g.title}
        cal.add_component(_all_day(_event("goal", g.pk, summary, stamp), g.deadline))
    for m in data.milestones:
        summary = _("Milestone %(school)s: %(title)s") % {
            "school": getattr(m, "school", ""),
            "title": m.title,
        }
        cal.add_component(_all_day(_event("milestone", m.pk, summary, stamp), m.date))
    for t in data.tasks:
        if t.due_date is None:
            continue
        summary = _("Task due: %(title)s") % {"title": t.title}
        cal.add_component(_all_day(_event("task", t.pk, summary, stamp), t.due_date))
    for d in data.days_off:
        cal.add_component(_day_off(d, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()

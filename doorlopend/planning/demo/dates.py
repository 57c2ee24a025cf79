"""Demo dates: so many days from today, moved to a school day of the partnership's region.

The demo is loaded on any day of the year; counted from a Friday in December, "in three
weeks" is Christmas Day. A parents' evening then moves to the first school day after it,
and something already held to the last school day before it (so it stays in the past).
"""

from __future__ import annotations

import datetime

from doorlopend.partnerships.models import Partnership

from ..school_calendar import nearest_school_day


def school_day(
    today: datetime.date, days: int, *, partnership: Partnership
) -> datetime.date:
    day = today + datetime.timedelta(days=days)
    step = -1 if days < 0 else 1
    return nearest_school_day(day, region=partnership.school_region, step=step)

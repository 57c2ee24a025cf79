"""The school year's days off: public holidays and the school holidays per region.

Public holidays come from the `holidays` package (Nieuwjaarsdag, Pasen, Koningsdag,
Hemelvaart, Pinksteren, Kerst; Bevrijdingsdag only in the years it is a day off for all).
School holidays come from `data/schoolvakanties.yaml`, which staff update once a year
from rijksoverheid.nl (see the README). A date with no school year in the file simply
has no school holidays: the planning warns about nothing it does not know.

`date_warnings` is the one rule the activity form and the timeline both use: it warns,
it never refuses, since a study afternoon on a Saturday may well be the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import holidays
import yaml
from django.utils import formats
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import SchoolRegion

DATA_FILE = Path(__file__).parent / "data" / "schoolvakanties.yaml"
REGIONS = tuple(SchoolRegion.values)
PUBLIC, SCHOOL = "public", "school"
SATURDAY = 5

# The names in the data file, as people read them.
HOLIDAY_NAMES = {
    "herfstvakantie": gettext_lazy("autumn holiday"),
    "kerstvakantie": gettext_lazy("Christmas holiday"),
    "voorjaarsvakantie": gettext_lazy("spring holiday"),
    "meivakantie": gettext_lazy("May holiday"),
    "zomervakantie": gettext_lazy("summer holiday"),
}


@dataclass(frozen=True)
class DayOff:
    """A public holiday (one day) or a school holiday (first to last day, included)."""

    first: datetime.date
    last: datetime.date
    name: str
    kind: str  # PUBLIC or SCHOOL
    region: str = ""  # of a school holiday

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        return self.first <= end and self.last >= start

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@cache
def _school_file() -> dict:
    with DATA_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def school_years_known() -> list[str]:
    """The school years in the data file, "2026-2027" style, in order."""
    return sorted(_school_file())


def school_holidays(
    *, region: str, start: datetime.date, end: datetime.date
) -> list[DayOff]:
    """The school holidays of `region` that overlap `start`..`end`, in order."""
    found = []
    for holidays_of_year in _school_file().values():
        for key, regions in holidays_of_year.items():
            first, last = regions[region]
            day_off = DayOff(first, last, str(HOLIDAY_NAMES[key]), SCHOOL, region)
            if day_off.overlaps(start, end):
                found.append(day_off)
    return sorted(found, key=lambda d: d.first)


def _language() -> str:
    return "nl" if (get_language() or "nl").startswith("nl") else "en_US"


@cache
def _public(year: int, language: str) -> dict[datetime.date, str]:
    return dict(holidays.country_holidays("NL", years=year, language=language))


def public_holidays(*, start: datetime.date, end: datetime.date) -> list[DayOff]:
    """The Dutch public holidays from `start` to `end`, in order."""
    language = _language()
    found = [
        DayOff(day, day, name, PUBLIC)
        for year in range(start.year, end.year + 1)
        for day, name in _public(year, language).items()
        if start <= day <= end
    ]
    return sorted(found, key=lambda d: d.first)


def days_off(*, region: str, start: datetime.date, end: datetime.date) -> list[DayOff]:
    """Public and school holidays overlapping `start`..`end`, by first day."""
    both = public_holidays(start=start, end=end) + school_holidays(
        region=region, start=start, end=end
    )
    return sorted(both, key=lambda d: (d.first, d.kind != SCHOOL))


def region_label(region: str) -> str:
    return str(SchoolRegion(region).label) if region in REGIONS else region


def date_warnings(day: datetime.date, *, region: str) -> list[str]:
    """Why `day` may be a poor day for an activity, in words; [] for an ordinary day."""
    warnings = [
        _("This date is a public holiday: %(name)s.") % {"name": day_off.name}
        for day_off in public_holidays(start=day, end=day)
    ]
    warnings += [
        _("This date falls in the %(holiday)s (region %(region)s).")
        % {"holiday": day_off.name, "region": region_label(region)}
        for day_off in school_holidays(region=region, start=day, end=day)
    ]
    if day.weekday() >= SATURDAY:
        warnings.append(
            _("This date falls on a %(weekday)s.")
            % {"weekday": formats.date_format(day, "l").lower()}
        )
    return warnings


def is_school_day(day: datetime.date, *, region: str) -> bool:
    return day.weekday() < SATURDAY and not days_off(region=region, start=day, end=day)


def nearest_school_day(
    day: datetime.date, *, region: str, step: int = 1
) -> datetime.date:
    """`day` itself when it is a school day, else the first one after it (`step` 1) or
    before it (`step` -1). Used by the demo, so it plans on days people can come."""
    while not is_school_day(day, region=region):
        day += datetime.timedelta(days=step)
    return day

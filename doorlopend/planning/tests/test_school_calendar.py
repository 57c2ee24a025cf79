"""The school year's days off: the data file, and the warnings the planning gives."""

import datetime

import pytest
import yaml
from django.utils import translation

from ..school_calendar import (
    DATA_FILE,
    HOLIDAY_NAMES,
    REGIONS,
    date_warnings,
    nearest_school_day,
    school_years_known,
)

D = datetime.date


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def test_the_data_file_holds_every_holiday_of_every_region_in_its_school_year():
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    assert {"2025-2026", "2026-2027", "2027-2028"} <= set(school_years_known())
    for school_year, holidays in data.items():
        start = int(school_year[:4])
        assert set(holidays) == set(HOLIDAY_NAMES), school_year
        for name, regions in holidays.items():
            assert set(regions) == set(REGIONS), (school_year, name)
            for region, (first, last) in regions.items():
                assert first <= last, (school_year, name, region)
                # A summer holiday starts in July of the school year's second calendar
                # year; everything else lies between its autumn and its summer.
                assert D(start, 9, 1) <= first <= D(start + 1, 7, 31), (name, region)


def test_christmas_day_is_a_public_holiday_in_the_christmas_holiday():
    assert date_warnings(D(2026, 12, 25), region="zuid") == [
        "Deze datum is een feestdag: Eerste kerstdag.",
        "Deze datum valt in de kerstvakantie (regio zuid).",
    ]


def test_a_school_holiday_depends_on_the_region():
    # 12 October 2026, a Monday: noord has its herfstvakantie, midden and zuid do not.
    assert date_warnings(D(2026, 10, 12), region="noord") == [
        "Deze datum valt in de herfstvakantie (regio noord)."
    ]
    assert date_warnings(D(2026, 10, 12), region="zuid") == []
    # 15 February 2027: only zuid is still off (6–14 February was its week: no).
    assert date_warnings(D(2027, 2, 15), region="zuid") == []
    assert date_warnings(D(2027, 2, 22), region="midden") == [
        "Deze datum valt in de voorjaarsvakantie (regio midden)."
    ]


def test_a_weekend_is_named_by_its_day():
    assert date_warnings(D(2026, 12, 5), region="midden") == [
        "Deze datum valt op een zaterdag."
    ]
    assert date_warnings(D(2026, 12, 6), region="midden") == [
        "Deze datum valt op een zondag."
    ]


def test_an_ordinary_school_day_has_no_warning():
    assert date_warnings(D(2026, 12, 8), region="zuid") == []


def test_a_year_missing_from_the_file_still_knows_its_public_holidays():
    assert date_warnings(D(2031, 4, 28), region="zuid") == []  # a Monday
    assert date_warnings(D(2031, 4, 14), region="zuid") == [
        "Deze datum is een feestdag: Tweede paasdag."
    ]


def test_nearest_school_day_goes_forward_or_back():
    christmas = D(2026, 12, 25)
    assert nearest_school_day(christmas, region="zuid") == D(2027, 1, 4)
    assert nearest_school_day(christmas, region="zuid", step=-1) == D(2026, 12, 18)
    assert nearest_school_day(D(2026, 12, 8), region="zuid") == D(2026, 12, 8)

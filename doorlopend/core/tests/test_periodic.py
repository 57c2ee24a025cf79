"""The daily work: run once a day from PERIODIC_HOUR, by the worker or `run_daily`."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from doorlopend.core import periodic

pytestmark = pytest.mark.django_db  # the cache is in the database
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _fresh_day():
    cache.delete(periodic.LAST_DAY_KEY)
    yield
    cache.delete(periodic.LAST_DAY_KEY)


def test_the_day_is_due_once_and_not_before_the_hour(settings):
    settings.PERIODIC_HOUR = 7
    early = datetime.datetime(2027, 3, 8, 6, 59, tzinfo=AMSTERDAM)
    assert periodic.daily_due(early) is None
    later = datetime.datetime(2027, 3, 8, 7, 0, tzinfo=AMSTERDAM)
    assert periodic.daily_due(later) == datetime.date(2027, 3, 8)
    assert periodic.daily_due(later) is None  # already run today
    assert periodic.daily_due(later + datetime.timedelta(days=1)) == datetime.date(
        2027, 3, 9
    )


def test_one_failing_work_does_not_stop_the_others(monkeypatch):
    ran = []

    def broken(*, today):
        raise RuntimeError("no database")

    def fine(*, today):
        ran.append(today)
        return 3

    monkeypatch.setattr(periodic, "DAILY", {"a.broken": broken, "b.fine": fine})
    day = datetime.date(2027, 3, 8)
    assert periodic.daily_run(today=day) == {"a.broken": -1, "b.fine": 3}
    assert ran == [day]


def test_run_daily_prints_what_each_work_did(monkeypatch):
    monkeypatch.setattr(periodic, "DAILY", {"x.reminders": lambda *, today: 2})
    out = StringIO()
    call_command("run_daily", "--today", "2027-03-08", stdout=out)
    assert out.getvalue().strip() == "x.reminders=2"
    with pytest.raises(CommandError):
        call_command("run_daily", "--today", "8-3-2027")

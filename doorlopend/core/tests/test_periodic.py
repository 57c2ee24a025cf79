"""The daily work: run once a day from PERIODIC_HOUR (core.schedule), or by `run_daily`."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from doorlopend.core import periodic


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

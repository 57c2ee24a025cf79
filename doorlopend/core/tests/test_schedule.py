"""The periodic jobs' schedule (core.schedule) and `run_periodic`: what is due when, each
job once per interval across machines (the last start in the database, PostgreSQL's
advisory lock), a failing job counted as run."""

import contextlib
import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from doorlopend.core import schedule
from doorlopend.core.models import Heartbeat, beat, last_beat

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY_7 = datetime.datetime(2027, 3, 8, 7, 0, tzinfo=AMSTERDAM)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's"
)


def every(seconds, ran=None, name="sweep"):
    ran = [] if ran is None else ran
    return schedule.PeriodicJob(
        name=name, run=lambda today: ran.append(today) or 1, seconds=lambda: seconds
    )


def test_an_interval_job_is_due_at_first_and_then_after_its_interval():
    job = every(60)
    assert schedule.is_due(job, None, MONDAY_7)
    last = MONDAY_7
    assert not schedule.is_due(job, last, MONDAY_7 + datetime.timedelta(seconds=59))
    assert schedule.is_due(job, last, MONDAY_7 + datetime.timedelta(seconds=60))


def test_a_daily_job_is_due_once_a_local_day_from_the_hour(settings):
    settings.PERIODIC_HOUR = 7
    job = schedule.PeriodicJob(name="daily", run=lambda today: 0, daily=True)
    early = MONDAY_7 - datetime.timedelta(minutes=1)
    assert not schedule.is_due(job, None, early)
    assert schedule.is_due(job, None, MONDAY_7)
    ran = MONDAY_7 + datetime.timedelta(minutes=5)
    assert not schedule.is_due(job, ran, MONDAY_7 + datetime.timedelta(hours=16))
    # Yesterday's run at 23:30 local time (22:30 UTC, still "yesterday" in UTC too).
    late = datetime.datetime(2027, 3, 7, 23, 30, tzinfo=AMSTERDAM)
    assert schedule.is_due(job, late, MONDAY_7)
    # 00:30 local is the previous day in UTC: the local day counts.
    past_midnight = datetime.datetime(2027, 3, 9, 0, 30, tzinfo=AMSTERDAM)
    assert not schedule.is_due(job, past_midnight, past_midnight)


def test_a_job_needs_either_an_interval_or_daily():
    with pytest.raises(ValueError, match="either seconds or daily"):
        schedule.register_periodic(schedule.PeriodicJob(name="x", run=lambda today: 0))


@pytest.mark.django_db
def test_run_due_runs_each_job_once_per_interval_and_records_its_start(monkeypatch):
    ran = []
    monkeypatch.setattr(schedule, "JOBS", {"sweep": every(60, ran)})
    assert schedule.run_due(now=MONDAY_7) == {"sweep": 1}
    assert last_beat("job:sweep") == MONDAY_7
    assert schedule.run_due(now=MONDAY_7 + datetime.timedelta(seconds=30)) == {}
    assert schedule.run_due(now=MONDAY_7 + datetime.timedelta(seconds=61)) == {
        "sweep": 1
    }
    assert ran == [datetime.date(2027, 3, 8)] * 2


@pytest.mark.django_db
def test_a_failing_job_is_logged_counts_as_run_and_does_not_stop_the_others(
    monkeypatch, caplog
):
    def broken(today):
        raise RuntimeError("mail server down")

    ran = []
    monkeypatch.setattr(
        schedule,
        "JOBS",
        {
            "a": schedule.PeriodicJob(name="a", run=broken, seconds=lambda: 60),
            "b": every(60, ran, name="b"),
        },
    )
    assert schedule.run_due(now=MONDAY_7) == {"a": "failed", "b": 1}
    assert "Periodic job a failed" in caplog.text
    assert schedule.run_due(now=MONDAY_7 + datetime.timedelta(seconds=1)) == {}


@pytest.mark.django_db
def test_a_job_another_machine_ran_while_we_waited_for_the_lock_is_not_run_again(
    monkeypatch,
):
    ran = []
    monkeypatch.setattr(schedule, "JOBS", {"sweep": every(60, ran)})

    @contextlib.contextmanager
    def lock_after_the_other_machine(name):
        beat("job:sweep", at=MONDAY_7)  # the other machine held the lock and ran it
        yield True

    monkeypatch.setattr(schedule, "advisory_lock", lock_after_the_other_machine)
    assert schedule.run_due(now=MONDAY_7 + datetime.timedelta(seconds=1)) == {}
    assert ran == []


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_job_whose_lock_another_machine_holds_is_skipped(monkeypatch):
    ran = []
    monkeypatch.setattr(schedule, "JOBS", {"sweep": every(60, ran)})
    key = schedule.lock_key("sweep")
    with psycopg.connect(**connection.get_connection_params()) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [key])
        assert schedule.run_due(now=MONDAY_7) == {"sweep": "locked"}
        assert ran == [] and last_beat("job:sweep") is None
        other.execute("SELECT pg_advisory_unlock(%s)", [key])
    assert schedule.run_due(now=MONDAY_7) == {"sweep": 1}
    # Released after the run: another machine can take it now.
    with psycopg.connect(**connection.get_connection_params()) as other:
        held = other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
        assert held is True


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_lock_is_held_while_the_job_runs(monkeypatch):
    seen = []

    def look_from_another_machine(today):
        with psycopg.connect(**connection.get_connection_params()) as other:
            key = schedule.lock_key("sweep")
            seen.append(
                other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
            )
        return 1

    monkeypatch.setattr(
        schedule,
        "JOBS",
        {
            "sweep": schedule.PeriodicJob(
                name="sweep", run=look_from_another_machine, seconds=lambda: 60
            )
        },
    )
    assert schedule.run_due(now=MONDAY_7) == {"sweep": 1}
    assert seen == [False]


def test_lock_keys_are_stable_and_distinct():
    assert schedule.lock_key("a") == schedule.lock_key("a") != schedule.lock_key("b")
    assert -(2**63) <= schedule.lock_key("transitions.daily") < 2**63


@pytest.mark.django_db
def test_run_periodic_once_beats_and_prints_what_ran(monkeypatch):
    from doorlopend.core.management.commands import run_periodic

    # It closes stale connections each tick: not the test's, inside its transaction.
    monkeypatch.setattr(run_periodic, "close_old_connections", lambda: None)
    monkeypatch.setattr(run_periodic, "JOBS", {"sweep": every(60)})
    monkeypatch.setattr(schedule, "JOBS", run_periodic.JOBS)
    out = StringIO()
    call_command("run_periodic", "--once", stdout=out)
    assert out.getvalue().split() == ["sweep=1"]
    assert Heartbeat.objects.filter(name="periodic").exists()

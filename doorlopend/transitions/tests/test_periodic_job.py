"""`transitions_daily` is a periodic job of core's schedule (run by `run_periodic`)."""

import datetime

import pytest

from doorlopend.core.schedule import JOBS

pytestmark = pytest.mark.django_db


def test_the_daily_job_runs_once_a_day_and_reports_its_summary_line():
    job = JOBS["transitions.daily"]
    assert job.daily
    line = job.run(datetime.date(2027, 3, 8))
    assert line.startswith("signals_opened=") and "erased=" in line

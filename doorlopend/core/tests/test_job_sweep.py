"""The worker's periodic sweeps (core.job_sweep.Sweeper): stale jobs every
JOB_SWEEP_SECONDS, uploads once a day; a failing sweep does not end the sweeping."""

import time
from datetime import timedelta

from django.utils import timezone

from doorlopend.core import job_sweep


def test_the_sweeper_stops_stale_jobs_periodically_and_survives_an_error(
    settings, monkeypatch
):
    settings.JOB_SWEEP_SECONDS = 0.05
    calls = []

    def sweep():
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RuntimeError("database gone for a moment")
        return 0

    monkeypatch.setattr(job_sweep, "jobs_stale_stop", sweep)
    monkeypatch.setattr(job_sweep, "close_old_connections", lambda: None)
    sweeper = job_sweep.Sweeper()
    sweeper.start()
    try:
        deadline = time.monotonic() + 5
        while len(calls) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        sweeper.done.set()
        sweeper.join(2)
    assert len(calls) >= 3 and not sweeper.is_alive()


def test_the_sweeper_deletes_uploads_once_a_day(settings, monkeypatch):
    settings.JOB_SWEEP_SECONDS = 0.02
    uploads = []
    monkeypatch.setattr(job_sweep, "jobs_stale_stop", lambda: 0)
    monkeypatch.setattr(job_sweep, "close_old_connections", lambda: None)
    monkeypatch.setattr(job_sweep, "uploads_orphan_delete", lambda: uploads.append(1))
    started = timezone.now()
    clock = iter([started + timedelta(hours=h) for h in (0, 1, 25, 26, 27, 28, 29)])
    monkeypatch.setattr(job_sweep.timezone, "now", lambda: next(clock, started))
    sweeper = job_sweep.Sweeper()
    sweeper.start()
    time.sleep(0.3)
    sweeper.done.set()
    sweeper.join(2)
    assert uploads == [1]  # the run at start is the worker's; then once after a day

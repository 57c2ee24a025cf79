"""The worker's sweeper thread (core.job_sweep.Sweeper): beats the worker's heartbeat and
runs the due periodic jobs every JOB_SWEEP_SECONDS; a failing round does not end it."""

import time

import pytest

from doorlopend.core import job_sweep


def _run_sweeper(monkeypatch, settings, *, periodic, rounds=3):
    settings.JOB_SWEEP_SECONDS = 0.02
    beats, runs = [], []

    def run_due():
        runs.append(time.monotonic())
        if len(runs) == 1:
            raise RuntimeError("database gone for a moment")
        return {}

    monkeypatch.setattr(job_sweep, "beat", beats.append)
    monkeypatch.setattr(job_sweep, "run_due", run_due)
    monkeypatch.setattr(job_sweep, "close_old_connections", lambda: None)
    sweeper = job_sweep.Sweeper(periodic=periodic)
    sweeper.start()
    try:
        deadline = time.monotonic() + 5
        while len(beats) < rounds and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        sweeper.done.set()
        sweeper.join(2)
    assert not sweeper.is_alive()
    return beats, runs


def test_the_sweeper_beats_and_runs_the_schedule_and_survives_an_error(
    settings, monkeypatch
):
    beats, runs = _run_sweeper(monkeypatch, settings, periodic=True)
    assert len(beats) >= 3 and set(beats) == {"worker"}
    assert len(runs) >= 2  # the first round failed, the next ones still ran


def test_with_no_periodic_the_sweeper_only_beats(settings, monkeypatch):
    beats, runs = _run_sweeper(monkeypatch, settings, periodic=False)
    assert len(beats) >= 3 and runs == []


@pytest.mark.parametrize(
    "name", ["jobs.stale_stop", "jobs.uploads_delete", "notifications.daily"]
)
def test_core_registers_its_periodic_jobs(name):
    from doorlopend.core.schedule import JOBS

    assert name in JOBS and "transitions.daily" in JOBS

"""The periodic jobs and when each is due: one schedule for every machine.

Each job runs either every `seconds()` or once a local day from PERIODIC_HOUR (`daily`).
When a job last started is kept in the database (`core.models.Heartbeat`, `job:<name>`),
so what is due is the same on every machine; on PostgreSQL each job runs under a
session-level advisory lock (`pg_try_advisory_lock`), and is due is asked again once the
lock is held, so with several machines (or a worker and `run_periodic` side by side) each
job runs once per interval. On SQLite there is no lock: run one instance.

A job that fails is logged and counts as run (its next run is at its next interval, not
at the next tick): every job is safe to run again, none must hammer a failing service.
Apps add jobs from their `AppConfig.ready()` with `register_periodic`.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import beat, last_beat

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    run: Callable[[datetime.date], object]  # called with the local day; returns a count
    seconds: Callable[[], float] | None = None  # every this many seconds …
    daily: bool = False  # … or once a local day from PERIODIC_HOUR

    @property
    def beat_name(self) -> str:
        return f"job:{self.name}"


JOBS: dict[str, PeriodicJob] = {}


def register_periodic(job: PeriodicJob) -> None:
    if (job.seconds is None) == (not job.daily):
        raise ValueError(f"{job.name}: give either seconds or daily=True")
    JOBS[job.name] = job


def is_due(
    job: PeriodicJob, last: datetime.datetime | None, now: datetime.datetime
) -> bool:
    """Whether `job`, last started at `last` (None: never), is due at `now`."""
    if job.daily:
        local = timezone.localtime(now)
        if local.hour < int(settings.PERIODIC_HOUR):
            return False
        return last is None or timezone.localtime(last).date() < local.date()
    return last is None or (now - last).total_seconds() >= job.seconds()


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_try_advisory_lock, one per job name."""
    digest = hashlib.blake2b(f"doorlopend:periodic:{name}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


@contextlib.contextmanager
def advisory_lock(name: str) -> Iterator[bool]:
    """Yields whether this process holds the job's lock (always True off PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def run_due(*, now: datetime.datetime | None = None) -> dict[str, object]:
    """Run every job due at `now`; {name: its count, "failed" or "locked"} for those
    that were due (not-due jobs are left out)."""
    outcomes: dict[str, object] = {}
    for name, job in sorted(JOBS.items()):
        started = now or timezone.now()
        if not is_due(job, last_beat(job.beat_name), started):
            continue
        with advisory_lock(name) as held:
            if not held:
                outcomes[name] = "locked"
                continue
            # Another machine may have run it between our first look and the lock.
            if not is_due(job, last_beat(job.beat_name), started):
                continue
            outcomes[name] = _run(job, started)
            beat(job.beat_name, at=started)
    return outcomes


def _run(job: PeriodicJob, started: datetime.datetime) -> object:
    try:
        result = job.run(timezone.localtime(started).date())
    except Exception:
        logger.exception("Periodic job %s failed", job.name)
        return "failed"
    logger.info("Periodic job %s done: %s", job.name, result)
    return result
